// PUT /api/v1/admin/tenants/{id}/billing – set the subscription of a tenant invoiced outside Stripe
import { adminJson, adminRoute } from "@/lib/http/admin-route";
import { idParams } from "@/lib/validation/inputs";
import { manualBillingSchema, setManualBilling } from "@/lib/billing/manual-billing";
import { readJson } from "@/lib/http/read-json";
import { prisma } from "@/lib/db";

export const dynamic = "force-dynamic";

export const PUT = adminRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }, actor) => {
  const { id } = idParams.parse(await ctx.params);
  const body = await readJson(req, manualBillingSchema);
  return adminJson(await setManualBilling(prisma, actor, id, body));
});
