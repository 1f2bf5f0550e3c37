// checkout.session.completed – a paid top-up grants its credits once; a subscription checkout links the customer
import { applyTopUp, creditsFor } from "@/lib/billing/mirror/top-up";
import { idOf, type CheckoutSessionShape } from "@/lib/billing/stripe-shapes";
import { WebhookDataError } from "@/lib/billing/webhook-data-error";
import type { HandlerContext } from "@/lib/billing/webhooks/context";

export async function handle(ctx: HandlerContext, session: CheckoutSessionShape): Promise<void> {
  await ctx.audit({
    action: "billing.checkout_completed",
    targetType: "CheckoutSession",
    targetId: session.id,
    after: {
      mode: session.mode,
      paymentStatus: session.payment_status,
      subscription: idOf(session.subscription),
    },
  });
  // An unpaid session (a delayed payment method) grants nothing yet; the subscription's own events carry its state.
  if (session.mode !== "payment" || session.payment_status !== "paid") return;
  const paymentIntentId = idOf(session.payment_intent);
  if (!paymentIntentId || session.amount_total === null || !session.currency)
    throw new WebhookDataError(`paid session ${session.id} has no payment intent or amount`);
  await applyTopUp(
    ctx,
    paymentIntentId,
    creditsFor(session.amount_total, session.currency, session.metadata?.credits),
  );
}
