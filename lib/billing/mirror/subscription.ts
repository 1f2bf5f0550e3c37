// Subscription rows mirror Stripe's subscription objects, keyed by the subscription id.
// Convergence: the row takes the newest snapshot (mirror/guard-write.ts, which orders snapshots of
// one second too), and `pastDueSince` is derived from the recorded event history rather than from
// arrival order, so any delivery order of the same events yields the same row.
import { guardWrite, type GuardSpec } from "@/lib/billing/mirror/guard-write";
import { isEventId } from "@/lib/billing/mirror/newest-snapshot";
import { chronological, type Snapshot } from "@/lib/billing/mirror/same-second";
import { fromUnix, type SubscriptionShape } from "@/lib/billing/stripe-shapes";
import { WebhookDataError } from "@/lib/billing/webhook-data-error";
import type { HandlerContext } from "@/lib/billing/webhooks/context";
import { utc } from "@/lib/db/pool";
import type { SubscriptionStatus } from "@/lib/generated/prisma/client";

const RANK: Record<SubscriptionStatus, number> = {
  incomplete: 0,
  trialing: 1,
  active: 2,
  past_due: 3,
  unpaid: 4,
  paused: 4,
  canceled: 9,
  incomplete_expired: 9,
};
const TERMINAL: ReadonlySet<SubscriptionStatus> = new Set(["canceled", "incomplete_expired"]);
/** Statuses that keep the past-due clock running (grace counts from the first of the run). */
const OVERDUE: ReadonlySet<string> = new Set(["past_due", "unpaid"]);

const SPEC: GuardSpec<SubscriptionStatus, SubscriptionShape> = {
  kind: "subscription",
  rank: RANK,
  terminal: TERMINAL,
  stateOf: (sub) => sub.status as SubscriptionStatus,
  retrieve: (stripe, id) => stripe.subscriptions.retrieve(id),
};

function statusOf(sub: SubscriptionShape): SubscriptionStatus {
  const status = sub.status as SubscriptionStatus;
  if (!(status in RANK)) throw new WebhookDataError(`unknown subscription status ${status}`);
  return status;
}

export async function syncSubscription(ctx: HandlerContext, incoming: SubscriptionShape): Promise<void> {
  const { tx } = ctx;
  const existing = await tx.subscription.findUnique({ where: { stripeSubscriptionId: incoming.id } });
  const verdict = await guardWrite(
    ctx,
    SPEC,
    { id: incoming.id, object: incoming, state: statusOf(incoming) },
    existing && {
      at: existing.stripeEventCreatedAt,
      eventId: existing.stripeEventId,
      state: existing.status,
    },
  );
  if (verdict.write) {
    const sub = verdict.object;
    const status = statusOf(sub);
    const item = sub.items.data[0];
    const priceId = item?.price.id ?? null;
    const plan = priceId
      ? await tx.plan.findUnique({ where: { stripePriceId: priceId }, select: { id: true, key: true } })
      : null;
    const data = {
      tenantId: ctx.tenantId,
      mode: "STRIPE" as const,
      status,
      planId: plan?.id ?? null,
      stripePriceId: priceId,
      currentPeriodStart: fromUnix(item?.current_period_start),
      currentPeriodEnd: fromUnix(item?.current_period_end),
      cancelAtPeriodEnd: sub.cancel_at_period_end,
      canceledAt: fromUnix(sub.canceled_at),
      trialEnd: fromUnix(sub.trial_end),
      stripeEventCreatedAt: ctx.at,
      stripeEventId: verdict.sourceId,
    };
    const row = existing
      ? await tx.subscription.update({ where: { id: existing.id }, data })
      : await tx.subscription.create({ data: { ...data, stripeSubscriptionId: sub.id } });
    await ctx.audit({
      action: existing ? "subscription.update" : "subscription.create",
      targetType: "Subscription",
      targetId: row.id,
      before: existing && {
        status: existing.status,
        planId: existing.planId,
        currentPeriodEnd: existing.currentPeriodEnd,
      },
      after: {
        status,
        planId: data.planId,
        stripePriceId: priceId,
        currentPeriodEnd: data.currentPeriodEnd,
        cancelAtPeriodEnd: data.cancelAtPeriodEnd,
      },
    });
    // The tenant's plan is the newest snapshot's price, whatever the status: a canceled paid plan
    // stays the plan, and decide() answers subscription_canceled with the way back to #plans.
    if (plan) await movePlan(ctx, plan.id);
  }
  await refreshPastDueSince(ctx, incoming.id);
}

async function movePlan(ctx: HandlerContext, planId: string): Promise<void> {
  const tenant = await ctx.tx.tenant.findUniqueOrThrow({
    where: { id: ctx.tenantId },
    select: { planId: true },
  });
  if (tenant.planId === planId) return;
  await ctx.tx.tenant.update({ where: { id: ctx.tenantId }, data: { planId } });
  await ctx.audit({
    action: "tenant.plan_change",
    targetType: "Tenant",
    targetId: ctx.tenantId,
    before: { planId: tenant.planId },
    after: { planId },
  });
}

/**
 * pastDueSince = `created` of the first event of the current run of overdue statuses, read from
 * every recorded event of this subscription up to the one the row was written from. Run on stale
 * events too: an older past_due event that arrives late moves the start of the run back. Events of
 * one second are walked in the order Stripe's data gives them (same-second.ts), not by id.
 */
export async function refreshPastDueSince(ctx: HandlerContext, stripeSubscriptionId: string): Promise<void> {
  const row = await ctx.tx.subscription.findUnique({ where: { stripeSubscriptionId } });
  if (!row) return;
  let since: Date | null = null;
  if (OVERDUE.has(row.status) && row.stripeEventCreatedAt) {
    const history = await ctx.tx.$queryRaw<Array<HistoryRow>>`
      SELECT id, type, created, payload->'data'->'object' AS object, payload->'data'->'previous_attributes' AS previous
      FROM "StripeEvent"
      WHERE "stripeCustomerId" = ${ctx.customerId} AND type LIKE 'customer.subscription.%'
        AND payload->'data'->'object'->>'id' = ${stripeSubscriptionId} AND created <= ${utc(row.stripeEventCreatedAt)}::timestamp
      ORDER BY created DESC, id`;
    for (const h of newestFirst(history, row.stripeEventId)) {
      if (!OVERDUE.has(String(h.object.status))) break;
      since = h.created;
    }
    // An overdue row written by no recorded subscription event (an invoice, a reconcile) counts from its write.
    since ??= row.pastDueSince ?? row.stripeEventCreatedAt;
  }
  if (since?.getTime() === row.pastDueSince?.getTime()) return;
  await ctx.tx.subscription.update({ where: { id: row.id }, data: { pastDueSince: since } });
  await ctx.audit({
    action: "subscription.past_due_since",
    targetType: "Subscription",
    targetId: row.id,
    before: { pastDueSince: row.pastDueSince },
    after: { pastDueSince: since },
  });
}

type HistoryRow = {
  id: string;
  type: string;
  created: Date;
  object: Record<string, unknown>;
  previous: Record<string, unknown> | null;
};

/**
 * The history (read newest second first) with each second's events newest first; in the row's own
 * second, only the events up to the one the row was written from (a newer one is not applied yet).
 */
function newestFirst(history: HistoryRow[], rowEventId: string | null): Array<Snapshot & { created: Date }> {
  const out: Array<Snapshot & { created: Date }> = [];
  for (let i = 0; i < history.length;) {
    const second = history.filter((h) => h.created.getTime() === history[i]!.created.getTime());
    i += second.length;
    const ordered = chronological(
      second.map((h) => ({
        id: h.id,
        type: h.type,
        object: h.object,
        previousAttributes: h.previous,
        terminal: TERMINAL.has(h.object.status as SubscriptionStatus),
      })),
    ).order.reverse();
    const own =
      out.length === 0 && rowEventId && isEventId(rowEventId)
        ? ordered.findIndex((s) => s.id === rowEventId)
        : -1;
    for (const s of ordered.slice(Math.max(own, 0))) out.push({ ...s, created: second[0]!.created });
  }
  return out;
}

/**
 * A paid invoice of an overdue or incomplete subscription means Stripe has made it active; the
 * matching customer.subscription.updated may arrive later (or earlier, and then this is stale).
 */
export async function recoverOnPayment(ctx: HandlerContext, stripeSubscriptionId: string): Promise<void> {
  const row = await ctx.tx.subscription.findUnique({ where: { stripeSubscriptionId } });
  if (!row || !["past_due", "unpaid", "incomplete"].includes(row.status)) return;
  if (row.stripeEventCreatedAt && row.stripeEventCreatedAt > ctx.at) return;
  await ctx.tx.subscription.update({
    where: { id: row.id },
    data: { status: "active", pastDueSince: null, stripeEventCreatedAt: ctx.at, stripeEventId: ctx.event.id },
  });
  await ctx.audit({
    action: "subscription.recover",
    targetType: "Subscription",
    targetId: row.id,
    before: { status: row.status, pastDueSince: row.pastDueSince },
    after: { status: "active", pastDueSince: null },
  });
}
