// Every row of one demo tenant except its users and keys, derived in one place from its story:
// timeline → Stripe mirror → usage → rollups, quota rows and daily charges → ledger and grants.
import type { DemoTenant } from "@/lib/demo/accounts";
import { dailyChargesOf, quotaRowsOf, rollupsOf } from "@/lib/demo/aggregates";
import { demoBilling } from "@/lib/demo/billing";
import { demoCatalog, demoPlan } from "@/lib/demo/catalog";
import { keyIdOf, tenantIdOf } from "@/lib/demo/ids";
import { buildLedger, WELCOME_CREDIT } from "@/lib/demo/ledger";
import type { DemoTenantState } from "@/lib/demo/snapshot";
import { timelineOf } from "@/lib/demo/timeline";
import { generateUsage, type DemoUsageEvent } from "@/lib/demo/usage";
import { usdToMicros } from "@/lib/money/format";

const DAY_MS = 86_400_000;
const usd = usdToMicros;

/**
 * `days` of credit at the burn rate of the tenant's last 7 days of running (a blocked tenant's
 * balance is measured by what it spent before the block), in whole cents; never less than what is
 * left of the welcome credit, so light users are not shown an odd, tiny balance.
 */
function balanceFor(days: number, events: DemoUsageEvent[], until: Date): bigint {
  const since = until.getTime() - 7 * DAY_MS;
  const weekly = events.filter((e) => e.occurredAt.getTime() >= since).reduce((s, e) => s + e.cost, 0n);
  const micros = (weekly * BigInt(Math.round(days * 1000))) / 7_000n;
  const spent = events.reduce((s, e) => s + e.cost, 0n);
  const rounded = (micros / 10_000n) * 10_000n;
  return days > 0 && WELCOME_CREDIT - spent > rounded ? WELCOME_CREDIT - spent : rounded;
}

export function tenantRows(t: DemoTenant, now: Date) {
  const tenantId = tenantIdOf(t.slug);
  const tag = t.slug.replace(/-/g, "_");
  const timeline = timelineOf(t, now);
  const billing = demoBilling(t, tenantId, timeline);
  const events = generateUsage(
    t,
    {
      tenantId,
      apiKeyId: keyIdOf(t.slug),
      oldKeyId: t.extraKey === "revoked" ? keyIdOf(t.slug, "revoked") : undefined,
    },
    timeline,
    now,
  );
  const finalBalance =
    t.balanceUsd !== undefined
      ? usd(t.balanceUsd)
      : balanceFor(t.balanceDays, events, timeline.blockedFrom ?? now);
  const { entries, grants } = buildLedger(
    dailyChargesOf(events, t.timeZone, now),
    finalBalance,
    timeline.usageFrom,
    now,
  );

  const grantIdOf = (i: number) => `grant_${t.slug}_${i}`;
  const topUpIdOf = (i: number) => `cs_demo_${tag}_${i}`;
  let balance = 0n;
  const ledgerEntries = entries.map((e, i) => {
    balance += e.amount;
    const topUp = e.kind === "TOPUP";
    return {
      tenantId,
      kind: e.kind,
      amount: e.amount,
      balanceAfter: balance,
      reason: e.reason,
      createdAt: e.at,
      grantId: e.grant === undefined ? null : grantIdOf(e.grant),
      stripeObjectId: topUp ? topUpIdOf(e.grant!) : null,
      actorKind: topUp ? ("STRIPE" as const) : ("SYSTEM" as const),
      idempotencyKey: `demo:${t.slug}:${i}`,
    };
  });
  if (balance !== finalBalance)
    throw new Error(`demo ledger of ${t.slug} ends at ${balance}, not ${finalBalance}`);

  const state: DemoTenantState = {
    tenant: t,
    tenantId,
    timeline,
    events,
    finalBalance,
    openInvoiceUrl: billing.openInvoiceUrl,
    catalog: demoCatalog(now),
  };
  const lastChange =
    [timeline.suspendedAt, timeline.spendCapSince].find((d) => d !== null) ?? timeline.signedUpAt;
  return {
    state,
    tenant: {
      id: tenantId,
      name: t.name,
      slug: t.slug,
      timeZone: t.timeZone,
      planId: demoPlan(t.plan).id,
      status: timeline.suspendedAt ? ("SUSPENDED" as const) : ("ACTIVE" as const),
      // Stripe knows every tenant that pays through it, or ever gave a card.
      stripeCustomerId: (t.subscription && !t.subscription.manual) || t.card ? `cus_demo_${tag}` : null,
      dailySpendCap: t.dailySpendCapUsd === undefined ? null : usd(t.dailySpendCapUsd),
      flaggedForReview: t.flagReason !== undefined,
      flagReason: t.flagReason ?? null,
      createdAt: timeline.signedUpAt,
      updatedAt: lastChange,
    },
    usageEvents: events,
    rollups: rollupsOf(events, t.timeZone),
    quotaUsages: quotaRowsOf(events, t.timeZone, now),
    ledgerEntries,
    grants: grants.map((g, i) => ({
      id: grantIdOf(i),
      tenantId,
      amount: g.amount,
      remaining: g.remaining,
      source: g.source,
      priority: g.priority,
      stripeObjectId: g.source === "TOPUP" ? topUpIdOf(i) : null,
      createdAt: g.at,
    })),
    balance: { tenantId, available: balance, reserved: 0n, updatedAt: now },
    subscription: billing.subscription,
    paymentMethods: billing.paymentMethods,
    invoices: billing.invoices,
  };
}
