// GET /api/v1/admin/tenants/{id} – a tenant with its plan, balance, billing and keys
// PATCH /api/v1/admin/tenants/{id} – change its plan, time zone, status or spending caps
import { adminJson, adminRoute } from "@/lib/admin/admin-route";
import { idParams } from "@/lib/admin/inputs";
import { loadTenant, tenantJson } from "@/lib/admin/tenant-view";
import { updateTenant, updateTenantSchema } from "@/lib/admin/update-tenant";
import { readJson } from "@/lib/api/read-json";
import { prisma } from "@/lib/db";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const GET = adminRoute(async (_req: Request, ctx: Ctx) => {
  const { id } = idParams.parse(await ctx.params);
  return adminJson(tenantJson(await loadTenant(prisma, id)));
});

export const PATCH = adminRoute(async (req: Request, ctx: Ctx, actor) => {
  const { id } = idParams.parse(await ctx.params);
  const body = await readJson(req, updateTenantSchema);
  return adminJson(await updateTenant(prisma, actor, id, body));
});
