// customer.created / customer.updated – record the sync and refresh the default card
// (invoice_settings.default_payment_method); linking by metadata.tenantId happens before the handler.
import { refreshDefaultCard } from "@/lib/billing/mirror/payment-method";
import type { CustomerShape } from "@/lib/billing/stripe-shapes";
import type { HandlerContext } from "@/lib/billing/webhooks/context";

export async function syncCustomer(ctx: HandlerContext, customer: CustomerShape): Promise<void> {
  await ctx.audit({
    action: "stripe_customer.sync",
    targetType: "Tenant",
    targetId: ctx.tenantId,
    after: { customerId: customer.id, email: customer.email },
  });
  await refreshDefaultCard(ctx);
}
