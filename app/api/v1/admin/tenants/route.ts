// POST /api/v1/admin/tenants – create a tenant (with a zero credit balance)
import { adminJson, adminRoute } from "@/lib/admin/admin-route";
import { createTenant, createTenantSchema } from "@/lib/admin/create-tenant";
import { readJson } from "@/lib/api/read-json";
import { prisma } from "@/lib/db";

export const dynamic = "force-dynamic";

export const POST = adminRoute(async (req, _ctx, actor) => {
  const body = await readJson(req, createTenantSchema);
  return adminJson(await createTenant(prisma, actor, body), 201);
});
