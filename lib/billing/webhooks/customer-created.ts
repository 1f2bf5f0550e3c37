// customer.created – the customer's default card (linking by metadata.tenantId happens before the handler)
import { refreshDefaultCard } from "@/lib/billing/mirror/payment-method";
import type { CustomerShape } from "@/lib/billing/stripe-shapes";
import type { HandlerContext } from "@/lib/billing/webhooks/context";

export async function handle(ctx: HandlerContext, customer: CustomerShape): Promise<void> {
  await ctx.audit({
    action: "stripe_customer.sync",
    targetType: "Tenant",
    targetId: ctx.tenantId,
    after: { customerId: customer.id, email: customer.email },
  });
  await refreshDefaultCard(ctx);
}
