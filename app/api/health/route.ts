// GET /api/health – readiness: 200 when the database answers and migrations are current, else 503
import { healthOperation } from "@/lib/api/operations/system";
import { checkHealth } from "@/lib/health/check";
import { publicAccess } from "@/lib/http/auth/public-access";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

export const GET = route({ operation: healthOperation, auth: publicAccess }, async () => {
  const { httpStatus, body } = await checkHealth({
    connectionString: process.env.DATABASE_URL,
    root: process.cwd(),
    version: packageJson.version,
  });
  return json(body, { status: httpStatus });
});
