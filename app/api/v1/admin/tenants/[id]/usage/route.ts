// GET /api/v1/admin/tenants/{id}/usage – the tenant's daily usage by model, in its time zone
import { getTenantUsageOperation } from "@/lib/api/operations/admin-reads";
import { prisma } from "@/lib/db";
import { pool } from "@/lib/db/pool";
import { adminToken } from "@/lib/http/auth/admin-token";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { requireTenant } from "@/lib/reads/require-tenant";
import { usageRollups } from "@/lib/reads/usage";

export const dynamic = "force-dynamic";

export const GET = route(
  { operation: getTenantUsageOperation, auth: adminToken },
  async ({ params, query }) =>
    json(await usageRollups(pool(), await requireTenant(prisma, params.id), query)),
);
