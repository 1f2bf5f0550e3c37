// GET /api/v1/admin/tenants/{id} – a tenant with its plan, balance, billing and keys
// PATCH /api/v1/admin/tenants/{id} – change its plan, time zone, status or spending caps
import { prisma } from "@/lib/db";
import { adminToken } from "@/lib/http/auth/admin-token";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { loadTenant, tenantJson } from "@/lib/tenants/tenant-view";
import { updateTenant, updateTenantSchema } from "@/lib/tenants/update-tenant";
import { idParams } from "@/lib/validation/inputs";

export const dynamic = "force-dynamic";

export const GET = route({ auth: adminToken, params: idParams }, async ({ params }) =>
  json(tenantJson(await loadTenant(prisma, params.id))),
);

export const PATCH = route(
  { auth: adminToken, params: idParams, body: updateTenantSchema },
  async ({ auth: actor, params, body }) => json(await updateTenant(prisma, actor, params.id, body)),
);
