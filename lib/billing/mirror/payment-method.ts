// Card rows mirror Stripe's card payment methods. A detached card is terminal (Stripe cannot
// attach it again). Which card is the default is the newest recorded customer snapshot's
// invoice_settings.default_payment_method, re-derived after every customer or card event, so the
// flag converges whatever order the customer and card events arrive in. Snapshots of one second
// are ordered by what Stripe tells (same-second.ts), never by event id.
import { guardWrite, type GuardSpec } from "@/lib/billing/mirror/guard-write";
import { newestSnapshot } from "@/lib/billing/mirror/newest-snapshot";
import { idOf, type PaymentMethodShape } from "@/lib/billing/stripe-shapes";
import type { HandlerContext } from "@/lib/billing/webhooks/context";

type CardState = "attached" | "detached";
const RANK: Record<CardState, number> = { attached: 0, detached: 1 };
const TERMINAL: ReadonlySet<CardState> = new Set(["detached"]);

const SPEC: GuardSpec<CardState, PaymentMethodShape> = {
  kind: "payment_method",
  rank: RANK,
  terminal: TERMINAL,
  // A detached card has no customer (an event's object or the API's answer alike).
  stateOf: (pm) => (pm.customer ? "attached" : "detached"),
  retrieve: (stripe, id) => stripe.paymentMethods.retrieve(id),
};

export async function syncPaymentMethod(
  ctx: HandlerContext,
  incoming: PaymentMethodShape,
  incomingState: CardState,
): Promise<void> {
  const { tx } = ctx;
  if (!incoming.card) return; // Only cards are mirrored: the decision API reads card expiry.
  const existing = await tx.paymentMethod.findUnique({ where: { stripePaymentMethodId: incoming.id } });
  // A card attached before its customer was deleted, whose event arrives after the deletion's: gone too.
  const deletedAt = incomingState === "attached" ? await customerDeletedAt(ctx) : null;
  if (deletedAt && deletedAt >= ctx.at)
    return syncPaymentMethod({ ...ctx, at: deletedAt }, incoming, "detached");
  const verdict = await guardWrite(
    ctx,
    SPEC,
    { id: incoming.id, object: incoming, state: incomingState },
    existing && {
      at: existing.stripeEventCreatedAt,
      eventId: existing.stripeEventId,
      state: existing.detachedAt ? "detached" : "attached",
    },
  );
  if (verdict.write && verdict.object.card) {
    const { object: pm, state } = verdict;
    const card = verdict.object.card;
    const data = {
      tenantId: ctx.tenantId,
      brand: card.brand,
      last4: card.last4,
      expMonth: card.exp_month,
      expYear: card.exp_year,
      detachedAt: state === "detached" ? ctx.at : null,
      stripeEventCreatedAt: ctx.at,
      stripeEventId: verdict.sourceId,
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
  const newest = await newestCustomer(ctx, ctx.customerId);
  if (!newest) return;
  await markDefaultCard(ctx, newest.deleted ? null : newest.pm);
}

/**
 * Flags `defaultId` (a live card) as the tenant's default and every other card as not, auditing each
 * change; the lines say what changed (reconcile prints them).
 */
export async function markDefaultCard(ctx: HandlerContext, defaultId: string | null): Promise<string[]> {
  const cards = await ctx.tx.paymentMethod.findMany({
    where: { tenantId: ctx.tenantId },
    select: { id: true, stripePaymentMethodId: true, isDefault: true, detachedAt: true },
  });
  const changes: string[] = [];
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
    changes.push(`card ${card.stripePaymentMethodId}: default ${card.isDefault} → ${want}`);
  }
  return changes;
}

const CUSTOMER_TYPES = ["customer.created", "customer.updated", "customer.deleted"];
/** A customer event's object, or the API's answer (a deleted customer has `deleted: true`). */
type CustomerSnapshot = {
  deleted?: unknown;
  invoice_settings?: { default_payment_method?: string | { id: string } | null } | null;
};

/** The default card and deletion of the customer's newest snapshot: the newest second, ordered within. */
async function newestCustomer(
  ctx: HandlerContext,
  customerId: string,
): Promise<{ pm: string | null; deleted: boolean } | null> {
  const last = await ctx.tx.stripeEvent.aggregate({
    where: { stripeCustomerId: customerId, type: { in: CUSTOMER_TYPES } },
    _max: { created: true },
  });
  const at = last._max.created;
  if (!at) return null;
  const newest = await newestSnapshot<CustomerSnapshot>(ctx, {
    kind: "customer",
    objectId: customerId,
    at,
    retrieve: (stripe) => stripe.customers.retrieve(customerId),
  });
  const of = (o: CustomerSnapshot, deleted: boolean) => ({
    pm: idOf(o.invoice_settings?.default_payment_method),
    deleted: deleted || o.deleted === true,
  });
  switch (newest.from) {
    case "event":
      return of(newest.snapshot.object, newest.snapshot.type === "customer.deleted");
    case "api":
      return of(newest.object, false);
    case "unknown": {
      // No Stripe client: the deterministic fallback (README, "Same-second events") — a deletion
      // wins the second, then the greatest event id.
      const [pick] = [...newest.candidates].sort(
        (a, b) =>
          Number(b.type === "customer.deleted") - Number(a.type === "customer.deleted") ||
          (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
      );
      return pick ? of(pick.object, pick.type === "customer.deleted") : null;
    }
  }
}
