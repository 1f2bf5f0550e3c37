// PUT /api/v1/admin/tenants/{id}/billing – set the subscription of a tenant invoiced outside Stripe
import { manualBillingSchema, setManualBilling } from "@/lib/billing/manual-billing";
import { prisma } from "@/lib/db";
import { adminToken } from "@/lib/http/auth/admin-token";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { idParams } from "@/lib/validation/inputs";

export const dynamic = "force-dynamic";

export const PUT = route(
  { auth: adminToken, params: idParams, body: manualBillingSchema },
  async ({ auth: actor, params, body }) => json(await setManualBilling(prisma, actor, params.id, body)),
);
