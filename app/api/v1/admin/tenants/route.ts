// POST /api/v1/admin/tenants – create a tenant (with a zero credit balance)
import { createTenantOperation } from "@/lib/api/operations/admin";
import { prisma } from "@/lib/db";
import { adminToken } from "@/lib/http/auth/admin-token";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { createTenant } from "@/lib/tenants/create-tenant";

export const dynamic = "force-dynamic";

export const POST = route(
  { operation: createTenantOperation, auth: adminToken },
  async ({ auth: actor, body }) => json(await createTenant(prisma, actor, body), { status: 201 }),
);
