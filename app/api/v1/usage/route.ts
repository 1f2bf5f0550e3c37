// GET /api/v1/usage – the key's tenant's daily usage by model (read-only, its own)
// POST /api/v1/usage – report what calls actually used; settles their reservations
import { getOwnUsageOperation } from "@/lib/api/operations/admin-reads";
import { reportUsageOperation } from "@/lib/api/operations/decisions";
import { prisma } from "@/lib/db";
import { pool } from "@/lib/db/pool";
import { apiKey } from "@/lib/http/auth/api-key";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { usageResponse } from "@/lib/http/usage-response";
import { usageRollups } from "@/lib/reads/usage";
import { ingestUsage } from "@/lib/usage/ingest-usage";
import { usageEventSchema } from "@/lib/usage/usage-request";

export const dynamic = "force-dynamic";

export const GET = route(
  { operation: getOwnUsageOperation, auth: apiKey() },
  async ({ auth: { tenant }, query }) => json(await usageRollups(pool(), tenant, query)),
);

export const POST = route(
  { operation: reportUsageOperation, auth: apiKey({ revokedMayReport: true }) },
  async ({ auth: { tenant, key }, body }) => {
    // A lone event that is invalid is a 422 with its fields' problems; in a batch each event is judged alone.
    const events = Array.isArray(body) ? body : [usageEventSchema.parse(body)];
    const caller = {
      tenantId: tenant.id,
      apiKeyId: key.id,
      timeZone: tenant.timeZone,
      keyRevoked: key.status === "REVOKED",
    };
    return usageResponse(await ingestUsage({ prisma, pool: pool() }, caller, events));
  },
);
