// PUT /api/v1/admin/tenants/{id}/billing – set the subscription of a tenant invoiced outside Stripe
import { setManualBillingOperation } from "@/lib/api/operations/admin";
import { setManualBilling } from "@/lib/billing/manual-billing";
import { prisma } from "@/lib/db";
import { adminToken } from "@/lib/http/auth/admin-token";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const PUT = route(
  { operation: setManualBillingOperation, auth: adminToken },
  async ({ auth: actor, params, body }) => json(await setManualBilling(prisma, actor, params.id, body)),
);
