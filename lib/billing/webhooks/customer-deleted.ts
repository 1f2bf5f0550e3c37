// customer.deleted – the customer's cards are gone; the link is kept so late events still find the tenant
import { refreshDefaultCard } from "@/lib/billing/mirror/payment-method";
import type { CustomerShape } from "@/lib/billing/stripe-shapes";
import type { HandlerContext } from "@/lib/billing/webhooks/context";

export async function handle(ctx: HandlerContext, customer: CustomerShape): Promise<void> {
  const detached = await ctx.tx.paymentMethod.updateMany({
    where: { tenantId: ctx.tenantId, detachedAt: null },
    data: { detachedAt: ctx.at, isDefault: false, stripeEventCreatedAt: ctx.at },
  });
  await ctx.audit({
    action: "stripe_customer.delete",
    targetType: "Tenant",
    targetId: ctx.tenantId,
    after: { customerId: customer.id, cardsDetached: detached.count },
  });
  await refreshDefaultCard(ctx);
}
