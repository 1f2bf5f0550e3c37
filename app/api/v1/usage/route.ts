// POST /api/v1/usage – report what calls actually used; settles their reservations
import { reportUsageOperation } from "@/lib/api/operations/decisions";
import { prisma } from "@/lib/db";
import { pool } from "@/lib/db/pool";
import { apiKey } from "@/lib/http/auth/api-key";
import { route } from "@/lib/http/route";
import { usageResponse } from "@/lib/http/usage-response";
import { ingestUsage } from "@/lib/usage/ingest-usage";
import { usageEventSchema } from "@/lib/usage/usage-request";

export const dynamic = "force-dynamic";

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
