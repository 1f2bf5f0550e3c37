// charge.refunded – claw back the refunded part of a top-up (never below zero; the rest is a recorded shortfall)
import { applyTopUp, clawBack, creditsFor, toppedUp } from "@/lib/billing/mirror/top-up";
import { idOf, type ChargeShape } from "@/lib/billing/stripe-shapes";
import type { HandlerContext } from "@/lib/billing/webhooks/context";

export async function handle(ctx: HandlerContext, charge: ChargeShape): Promise<void> {
  const paymentIntentId = idOf(charge.payment_intent);
  if (!paymentIntentId) return;
  let topUp = await toppedUp(ctx, paymentIntentId);
  // The refund can arrive before checkout.session.completed: the charge carries the top-up's
  // metadata (set through payment_intent_data), so it grants the same credits under the same key.
  if (topUp === null && charge.metadata?.kind === "top_up") {
    await applyTopUp(
      ctx,
      paymentIntentId,
      creditsFor(charge.amount, charge.currency, charge.metadata.credits),
    );
    topUp = await toppedUp(ctx, paymentIntentId);
  }
  if (topUp === null) return; // a refund of a subscription invoice: no credits to take back
  await clawBack(ctx, charge.id, topUp, charge.amount_refunded);
}
