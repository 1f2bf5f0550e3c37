// GET /api/health – readiness: 200 when the database answers and migrations are current, else 503
import { checkHealth } from "@/lib/health/check";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

export async function GET() {
  const { httpStatus, body } = await checkHealth({
    connectionString: process.env.DATABASE_URL,
    root: process.cwd(),
    version: packageJson.version,
  });
  return Response.json(body, { status: httpStatus, headers: { "Cache-Control": "no-store" } });
}
