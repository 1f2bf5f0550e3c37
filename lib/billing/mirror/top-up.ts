// Credit top-ups paid through Stripe Checkout, and their claw-back on refund, through the ledger's
// idempotent grantCredits (its own transaction, keyed by the PaymentIntent, so a repeat — a
// redelivery, a replay, or the same payment seen through both checkout.session.completed and
// charge.refunded — grants once). Stripe amounts are USD cents; credits are micro-USD.
import { WebhookDataError } from "@/lib/billing/webhook-data-error";
import type { HandlerContext } from "@/lib/billing/webhooks/context";
import { tenantScope } from "@/lib/db/tenant-scope";
import { grantCredits, grantLedgerKey, type GrantInput } from "@/lib/ledger/grant-credits";

export const MICRO_PER_CENT = 10_000n;
export const topUpKey = (paymentIntentId: string) => `stripe-topup:${paymentIntentId}`;

/** Credits bought by a payment of `amountCents`; metadata.credits, when present, must agree. */
export function creditsFor(
  amountCents: number,
  currency: string,
  metadataCredits: string | undefined,
): bigint {
  if (currency.toLowerCase() !== "usd")
    throw new WebhookDataError(`top-ups are priced in USD, got ${currency}`);
  const credits = BigInt(amountCents) * MICRO_PER_CENT;
  if (metadataCredits !== undefined && metadataCredits !== credits.toString()) {
    throw new WebhookDataError(
      `metadata.credits ${metadataCredits} does not match the amount paid (${credits} micro-USD)`,
    );
  }
  return credits;
}

async function grant(ctx: HandlerContext, input: Omit<GrantInput, "tenantId" | "expiresAt">) {
  const result = await grantCredits(
    ctx.prisma,
    { kind: "STRIPE", id: ctx.event.id, ip: null },
    { ...input, tenantId: ctx.tenantId, expiresAt: null },
  );
  if (result.outcome === "tenant_not_found") throw new WebhookDataError(`tenant ${ctx.tenantId} not found`);
  if (result.outcome === "key_reused" && result.entry.amount !== input.amount) {
    throw new WebhookDataError(`${input.idempotencyKey} was already used for ${result.entry.amount}`);
  }
  return result;
}

export async function applyTopUp(
  ctx: HandlerContext,
  paymentIntentId: string,
  credits: bigint,
): Promise<void> {
  const result = await grant(ctx, {
    amount: credits,
    reason: `Stripe top-up ${paymentIntentId}`,
    idempotencyKey: topUpKey(paymentIntentId),
  });
  if (result.outcome !== "granted") return;
  await ctx.audit({
    action: "billing.topup",
    targetType: "PaymentIntent",
    targetId: paymentIntentId,
    after: { credits, ledgerEntryId: result.entry.id },
  });
}

/** The top-up granted for a PaymentIntent (micro-USD), or null when none was. */
export async function toppedUp(ctx: HandlerContext, paymentIntentId: string): Promise<bigint | null> {
  const entry = await ctx.tx.creditLedgerEntry.findUnique({
    where: {
      tenantId_idempotencyKey: {
        ...tenantScope(ctx.tenantId),
        idempotencyKey: grantLedgerKey(topUpKey(paymentIntentId)),
      },
    },
    select: { amount: true },
  });
  return entry?.amount ?? null;
}

/**
 * Takes back the refunded part of a top-up: the charge's cumulative amount_refunded (capped at the
 * top-up) less what earlier refund events already took or recorded as shortfall. The balance never
 * goes below zero: what cannot be taken is recorded as a shortfall (audit `billing.refund_shortfall`).
 */
export async function clawBack(
  ctx: HandlerContext,
  chargeId: string,
  topUp: bigint,
  refundedCents: number,
): Promise<void> {
  const target = minBig(BigInt(refundedCents) * MICRO_PER_CENT, topUp);
  const keyPrefix = grantLedgerKey(`stripe-refund:${chargeId}:`);
  for (let attempt = 0; attempt < 5; attempt++) {
    // One after another: a transaction is one connection, which runs one query at a time.
    const taken = await ctx.tx.creditLedgerEntry.aggregate({
      where: { ...tenantScope(ctx.tenantId), idempotencyKey: { startsWith: keyPrefix } },
      _sum: { amount: true },
    });
    const shortfalls = await ctx.tx.auditLog.findMany({
      where: { ...tenantScope(ctx.tenantId), action: "billing.refund_shortfall", targetId: chargeId },
      select: { after: true },
    });
    const balance = await ctx.tx.creditBalance.findUnique({
      where: { tenantId: ctx.tenantId },
      select: { available: true },
    });
    const recorded = shortfalls.reduce(
      (sum, s) => sum + BigInt((s.after as { shortfall?: string } | null)?.shortfall ?? "0"),
      0n,
    );
    const accounted = -(taken._sum.amount ?? 0n) + recorded;
    const due = target - accounted;
    if (due <= 0n) return;
    const take = minBig(due, balance?.available ?? 0n);
    if (take > 0n) {
      const result = await grant(ctx, {
        amount: -take,
        reason: `Stripe refund of ${chargeId}`,
        idempotencyKey: `stripe-refund:${chargeId}:${target}:${accounted}`,
      });
      if (result.outcome === "insufficient") continue; // spent meanwhile: judge again against the new balance
      if (result.outcome === "granted") {
        await ctx.audit({
          action: "billing.refund_clawback",
          targetType: "Charge",
          targetId: chargeId,
          after: { taken: take, refundedTotal: target },
        });
      }
    }
    const shortfall = due - take;
    if (shortfall > 0n) {
      await ctx.audit({
        action: "billing.refund_shortfall",
        targetType: "Charge",
        targetId: chargeId,
        after: { shortfall, refundedTotal: target },
      });
    }
    return;
  }
  throw new Error(`claw-back of ${chargeId} kept racing with spending; retry`);
}

const minBig = (a: bigint, b: bigint) => (a < b ? a : b);
