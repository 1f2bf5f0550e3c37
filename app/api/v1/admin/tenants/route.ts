// POST /api/v1/admin/tenants – create a tenant (with a zero credit balance)
import { adminJson, adminRoute } from "@/lib/http/admin-route";
import { createTenant, createTenantSchema } from "@/lib/tenants/create-tenant";
import { readJson } from "@/lib/http/read-json";
import { prisma } from "@/lib/db";

export const dynamic = "force-dynamic";

export const POST = adminRoute(async (req, _ctx, actor) => {
  const body = await readJson(req, createTenantSchema);
  return adminJson(await createTenant(prisma, actor, body), 201);
});
