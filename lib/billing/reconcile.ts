// npm run stripe:reconcile – repairs drift between Stripe and the mirror (a missed webhook, an
// event older than Stripe's 3-day retries, a restored backup). It lists customers, subscriptions
// and card payment methods from the Stripe API and, where the mirror differs, writes what Stripe
// says now, through the same mirror functions the webhooks use, with the reconcile run's id as the
// audit cause and "now" as the snapshot's time (so older webhook deliveries cannot undo it).
// Returns one line per change; nothing is written when nothing differs.
import { randomUUID } from "node:crypto";
import type Stripe from "stripe";

import { linkStripeCustomer } from "@/lib/billing/link-customer";
import { markDefaultCard, syncPaymentMethod } from "@/lib/billing/mirror/payment-method";
import { syncSubscription } from "@/lib/billing/mirror/subscription";
import { fromUnix, idOf, type CustomerShape } from "@/lib/billing/stripe-shapes";
import {
  handlerContext,
  STRIPE_ACTOR,
  type HandlerContext,
  type StoredEvent,
} from "@/lib/billing/webhooks/context";
import { handle as customerDeleted } from "@/lib/billing/webhooks/customer-deleted";
import type { PaymentMethod, PrismaClient, Subscription } from "@/lib/generated/prisma/client";

const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

function subscriptionDrift(row: Subscription | null, sub: Stripe.Subscription): string | null {
  const item = sub.items.data[0];
  if (!row) return `new, ${sub.status}`;
  const diffs: string[] = [];
  if (row.status !== sub.status) diffs.push(`status ${row.status} → ${sub.status}`);
  if (row.stripePriceId !== (item?.price.id ?? null))
    diffs.push(`price ${row.stripePriceId} → ${item?.price.id ?? null}`);
  if (!same(row.currentPeriodEnd, fromUnix(item?.current_period_end)))
    diffs.push(
      `period end ${row.currentPeriodEnd?.toISOString() ?? "none"} → ${fromUnix(item?.current_period_end)?.toISOString() ?? "none"}`,
    );
  if (row.cancelAtPeriodEnd !== sub.cancel_at_period_end)
    diffs.push(`cancel at period end ${row.cancelAtPeriodEnd} → ${sub.cancel_at_period_end}`);
  return diffs.length ? diffs.join(", ") : null;
}

function cardDrift(row: PaymentMethod | undefined, pm: Stripe.PaymentMethod): string | null {
  if (!pm.card) return null;
  if (!row) return `new ${pm.card.brand} ${pm.card.last4}`;
  if (row.detachedAt) return null; // detached is final; Stripe cannot list it as attached again
  const was = `${row.last4} ${row.expMonth}/${row.expYear}`;
  const now = `${pm.card.last4} ${pm.card.exp_month}/${pm.card.exp_year}`;
  return was === now ? null : `${was} → ${now}`;
}

export async function reconcileStripe(
  prisma: PrismaClient,
  stripe: Stripe,
  now = new Date(),
): Promise<string[]> {
  const runId = `reconcile_${randomUUID()}`;
  const changes: string[] = [];
  const event: StoredEvent = {
    id: runId,
    type: "reconcile",
    created: Math.floor(now.getTime() / 1000),
    livemode: false,
    data: { object: { object: "reconcile" } },
  };
  const inTenant = (tenantId: string, customerId: string, fn: (ctx: HandlerContext) => Promise<void>) =>
    prisma.$transaction((tx) => fn({ ...handlerContext(tx, prisma, event, tenantId, customerId), stripe }), {
      timeout: 60_000,
    });

  const tenantOf = new Map<string, string>();
  for await (const customer of stripe.customers.list({ limit: 100 })) {
    let owner = await prisma.tenant.findUnique({
      where: { stripeCustomerId: customer.id },
      select: { id: true },
    });
    const claimed = customer.metadata?.tenantId;
    if (!owner && claimed) {
      const linked = await linkStripeCustomer(prisma, STRIPE_ACTOR, claimed, customer.id, runId).catch(
        () => null,
      );
      if (linked?.outcome === "linked") {
        changes.push(`customer ${customer.id}: linked to tenant ${claimed}`);
        owner = { id: claimed };
      }
    }
    if (!owner) {
      changes.push(`customer ${customer.id}: no tenant (left unmatched)`);
      continue;
    }
    tenantOf.set(customer.id, owner.id);
    await reconcileCards(prisma, stripe, customer, owner.id, changes, inTenant);
  }

  for await (const sub of stripe.subscriptions.list({ status: "all", limit: 100 })) {
    const customerId = idOf(sub.customer);
    const tenantId = customerId ? tenantOf.get(customerId) : undefined;
    if (!customerId || !tenantId) continue;
    const row = await prisma.subscription.findUnique({ where: { stripeSubscriptionId: sub.id } });
    const drift = subscriptionDrift(row, sub);
    if (!drift) continue;
    await inTenant(tenantId, customerId, (ctx) => syncSubscription(ctx, sub));
    const after = await prisma.subscription.findUnique({ where: { stripeSubscriptionId: sub.id } });
    changes.push(
      subscriptionDrift(after, sub)
        ? `subscription ${sub.id}: ${drift} (refused: the mirror's state is final)`
        : `subscription ${sub.id}: ${drift}`,
    );
  }
  return changes;
}

async function reconcileCards(
  prisma: PrismaClient,
  stripe: Stripe,
  customer: Stripe.Customer | Stripe.DeletedCustomer,
  tenantId: string,
  changes: string[],
  inTenant: (
    tenantId: string,
    customerId: string,
    fn: (ctx: HandlerContext) => Promise<void>,
  ) => Promise<void>,
): Promise<void> {
  if ("deleted" in customer && customer.deleted) {
    // A deletion whose customer.deleted webhook was missed: what that handler does (cards gone, link kept).
    const attached = await prisma.paymentMethod.count({ where: { tenantId, detachedAt: null } });
    if (attached > 0) {
      await inTenant(tenantId, customer.id, (ctx) =>
        customerDeleted(ctx, { id: customer.id, object: "customer" } as CustomerShape),
      );
      changes.push(`customer ${customer.id}: deleted in Stripe, ${attached} card(s) detached`);
    }
    return;
  }
  const live = customer as Stripe.Customer;
  const rows = await prisma.paymentMethod.findMany({ where: { tenantId } });
  const byId = new Map(rows.map((r) => [r.stripePaymentMethodId, r]));
  const seen = new Set<string>();
  for await (const pm of stripe.paymentMethods.list({ customer: live.id, type: "card", limit: 100 })) {
    seen.add(pm.id);
    const drift = cardDrift(byId.get(pm.id), pm);
    if (!drift) continue;
    await inTenant(tenantId, live.id, (ctx) => syncPaymentMethod(ctx, pm, "attached"));
    changes.push(`card ${pm.id}: ${drift}`);
  }
  const defaultId = idOf(live.invoice_settings?.default_payment_method);
  await inTenant(tenantId, live.id, async (ctx) => {
    for (const row of rows) {
      if (!row.detachedAt && !seen.has(row.stripePaymentMethodId)) {
        await ctx.tx.paymentMethod.update({
          where: { id: row.id },
          data: {
            detachedAt: ctx.at,
            isDefault: false,
            stripeEventCreatedAt: ctx.at,
            stripeEventId: ctx.event.id,
          },
        });
        await ctx.audit({
          action: "payment_method.detach",
          targetType: "PaymentMethod",
          targetId: row.id,
          before: { detachedAt: null },
          after: { detachedAt: ctx.at },
        });
        changes.push(`card ${row.stripePaymentMethodId}: detached in Stripe`);
      }
    }
    changes.push(...(await markDefaultCard(ctx, defaultId)));
  });
}
