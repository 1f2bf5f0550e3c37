// GET /api/v1/admin/tenants – tenants, newest first, by plan, status, subscription and refusing
// POST /api/v1/admin/tenants – create a tenant (with a zero credit balance)
import { createTenantOperation } from "@/lib/api/operations/admin";
import { listTenantsOperation } from "@/lib/api/operations/admin-reads";
import { prisma } from "@/lib/db";
import { pool } from "@/lib/db/pool";
import { adminToken } from "@/lib/http/auth/admin-token";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { listTenants } from "@/lib/reads/tenants";
import { createTenant } from "@/lib/tenants/create-tenant";

export const dynamic = "force-dynamic";

export const GET = route({ operation: listTenantsOperation, auth: adminToken }, async ({ query }) =>
  json(await listTenants(pool(), query)),
);

export const POST = route(
  { operation: createTenantOperation, auth: adminToken },
  async ({ auth: actor, body }) => json(await createTenant(prisma, actor, body), { status: 201 }),
);
