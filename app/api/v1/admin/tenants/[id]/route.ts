// GET /api/v1/admin/tenants/{id} – a tenant with its plan, balance, billing and keys
// PATCH /api/v1/admin/tenants/{id} – change its plan, time zone, status or spending caps
import { getTenantOperation, updateTenantOperation } from "@/lib/api/operations/admin";
import { prisma } from "@/lib/db";
import { adminToken } from "@/lib/http/auth/admin-token";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { loadTenant, tenantJson } from "@/lib/tenants/tenant-view";
import { updateTenant } from "@/lib/tenants/update-tenant";

export const dynamic = "force-dynamic";

export const GET = route({ operation: getTenantOperation, auth: adminToken }, async ({ params }) =>
  json(tenantJson(await loadTenant(prisma, params.id))),
);

export const PATCH = route(
  { operation: updateTenantOperation, auth: adminToken },
  async ({ auth: actor, params, body }) => json(await updateTenant(prisma, actor, params.id, body)),
);
