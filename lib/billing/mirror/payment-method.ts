// Card rows mirror Stripe's card payment methods. A detached card is terminal (Stripe cannot
// attach it again). Which card is the default is the newest recorded customer snapshot's
// invoice_settings.default_payment_method, re-derived after every customer or card event, so the
// flag converges whatever order the customer and card events arrive in.
import { mayOverwrite } from "@/lib/billing/mirror/order";
import type { PaymentMethodShape } from "@/lib/billing/stripe-shapes";
import type { HandlerContext } from "@/lib/billing/webhooks/context";

type CardState = "attached" | "detached";
const RANK: Record<CardState, number> = { attached: 0, detached: 1 };
const TERMINAL: ReadonlySet<CardState> = new Set(["detached"]);

export async function syncPaymentMethod(
  ctx: HandlerContext,
  pm: PaymentMethodShape,
  state: CardState,
): Promise<void> {
  const { tx } = ctx;
  if (!pm.card) return; // Only cards are mirrored: the decision API reads card expiry.
  const existing = await tx.paymentMethod.findUnique({ where: { stripePaymentMethodId: pm.id } });
  // A card attached before its customer was deleted, whose event arrives after the deletion's: gone too.
  const deletedAt = state === "attached" ? await customerDeletedAt(ctx) : null;
  if (deletedAt && deletedAt >= ctx.at) return syncPaymentMethod({ ...ctx, at: deletedAt }, pm, "detached");
  const stored = existing && {
    at: existing.stripeEventCreatedAt,
    state: (existing.detachedAt ? "detached" : "attached") as CardState,
  };
  if (mayOverwrite(stored, { at: ctx.at, state }, RANK, TERMINAL)) {
    const data = {
      tenantId: ctx.tenantId,
      brand: pm.card.brand,
      last4: pm.card.last4,
      expMonth: pm.card.exp_month,
      expYear: pm.card.exp_year,
      detachedAt: state === "detached" ? ctx.at : null,
      stripeEventCreatedAt: ctx.at,
      ...(state === "detached" ? { isDefault: false } : {}),
    };
    const row = existing
      ? await tx.paymentMethod.update({ where: { id: existing.id }, data })
      : await tx.paymentMethod.create({ data: { ...data, stripePaymentMethodId: pm.id } });
    await ctx.audit({
      action: `payment_method.${state === "detached" ? "detach" : existing ? "update" : "attach"}`,
      targetType: "PaymentMethod",
      targetId: row.id,
      before: existing && {
        brand: existing.brand,
        last4: existing.last4,
        expMonth: existing.expMonth,
        expYear: existing.expYear,
        detachedAt: existing.detachedAt,
      },
      after: {
        brand: data.brand,
        last4: data.last4,
        expMonth: data.expMonth,
        expYear: data.expYear,
        detachedAt: data.detachedAt,
      },
    });
  }
  await refreshDefaultCard(ctx);
}

async function customerDeletedAt(ctx: HandlerContext): Promise<Date | null> {
  if (!ctx.customerId) return null;
  const deleted = await ctx.tx.stripeEvent.findFirst({
    where: { stripeCustomerId: ctx.customerId, type: "customer.deleted" },
    orderBy: { created: "asc" },
    select: { created: true },
  });
  return deleted?.created ?? null;
}

/** Marks the default card per the newest recorded customer snapshot (unchanged when none is recorded). */
export async function refreshDefaultCard(ctx: HandlerContext): Promise<void> {
  if (!ctx.customerId) return;
  const [latest] = await ctx.tx.$queryRaw<Array<{ pm: string | null; deleted: boolean }>>`
    SELECT payload->'data'->'object'->'invoice_settings'->>'default_payment_method' AS pm, type = 'customer.deleted' AS deleted
    FROM "StripeEvent" WHERE "stripeCustomerId" = ${ctx.customerId} AND type IN ('customer.created', 'customer.updated', 'customer.deleted')
    ORDER BY created DESC, (type = 'customer.deleted') DESC, id DESC LIMIT 1`;
  if (!latest) return;
  const defaultId = latest.deleted ? null : latest.pm;
  const cards = await ctx.tx.paymentMethod.findMany({
    where: { tenantId: ctx.tenantId },
    select: { id: true, stripePaymentMethodId: true, isDefault: true, detachedAt: true },
  });
  for (const card of cards) {
    const want = card.stripePaymentMethodId === defaultId && !card.detachedAt;
    if (card.isDefault === want) continue;
    await ctx.tx.paymentMethod.update({ where: { id: card.id }, data: { isDefault: want } });
    await ctx.audit({
      action: "payment_method.default",
      targetType: "PaymentMethod",
      targetId: card.id,
      before: { isDefault: card.isDefault },
      after: { isDefault: want },
    });
  }
}
