// GET /api/v1/admin/tenants/{id} – a tenant with its plan, balance, billing and keys
// PATCH /api/v1/admin/tenants/{id} – change its plan, time zone, status or spending caps
import { adminJson, adminRoute } from "@/lib/http/admin-route";
import { idParams } from "@/lib/validation/inputs";
import { loadTenant, tenantJson } from "@/lib/tenants/tenant-view";
import { updateTenant, updateTenantSchema } from "@/lib/tenants/update-tenant";
import { readJson } from "@/lib/http/read-json";
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
