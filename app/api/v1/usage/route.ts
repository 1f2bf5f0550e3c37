// POST /api/v1/usage – report what calls actually used; settles their reservations
import { apiRoute } from "@/lib/http/handler";
import { authenticateKey } from "@/lib/http/key-auth";
import { readJson } from "@/lib/http/read-json";
import { prisma } from "@/lib/db";
import { pool } from "@/lib/db/pool";
import { ingestUsage } from "@/lib/usage/ingest-usage";
import { usageResponse } from "@/lib/http/usage-response";
import { usageBodySchema, usageEventSchema } from "@/lib/usage/usage-request";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (req) => {
  const ctx = await authenticateKey(prisma, req, { revokedMayReport: true });
  const body = await readJson(req, usageBodySchema);
  // A lone event that is invalid is a 422 with its fields' problems; in a batch each event is judged alone.
  const events = Array.isArray(body) ? body : [usageEventSchema.parse(body)];
  const outcome = await ingestUsage(
    { prisma, pool: pool() },
    {
      tenantId: ctx.tenant.id,
      apiKeyId: ctx.key.id,
      timeZone: ctx.tenant.timeZone,
      keyRevoked: ctx.key.status === "REVOKED",
    },
    events,
  );
  return usageResponse(outcome);
});
