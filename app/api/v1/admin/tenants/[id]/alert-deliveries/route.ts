// GET /api/v1/admin/tenants/{id}/alert-deliveries – the tenant's delivery log, newest first, a page at a time
import { deliveriesPage } from "@/lib/alerts/api-view";
import { listAlertDeliveriesOperation } from "@/lib/api/operations/alerts";
import { prisma } from "@/lib/db";
import { adminToken } from "@/lib/http/auth/admin-token";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(
  { operation: listAlertDeliveriesOperation, auth: adminToken },
  async ({ params, query }) => json(await deliveriesPage(prisma, params.id, query)),
);
