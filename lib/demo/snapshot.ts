// What the decision engine would have known about a demo tenant at instant `at`, rebuilt from its
// story and its generated calls. The seed asks decide() itself for every demo decision with it,
// so the decision log says exactly what the API would have said (and a story that contradicts
// the engine fails the seed instead of shipping).
import { priceAt, type CatalogModel } from "@/lib/decisions/cost";
import type { DecisionSnapshot, SubscriptionStatus } from "@/lib/decisions/types";
import type { DemoTenant } from "@/lib/demo/accounts";
import { demoPlan } from "@/lib/demo/catalog";
import type { DemoKeyKind } from "@/lib/demo/ids";
import type { Timeline } from "@/lib/demo/timeline";
import type { DemoUsageEvent } from "@/lib/demo/usage";
import { usdToMicros } from "@/lib/money/format";
import { localDay, quotaPeriod } from "@/lib/time/tenant-calendar";

export type DemoTenantState = {
  tenant: DemoTenant;
  tenantId: string;
  timeline: Timeline;
  /** Sorted by occurredAt. */
  events: DemoUsageEvent[];
  /** `available` once every event is charged (the seeded CreditBalance). */
  finalBalance: bigint;
  openInvoiceUrl: string | null;
  /** The demo catalogue with its price versions (lib/demo/catalog.ts). */
  catalog: ReadonlyMap<string, CatalogModel>;
};

const reached = (d: Date | null, t: number) => d !== null && d.getTime() <= t;

function subscriptionAt(s: DemoTenantState, t: number): DecisionSnapshot["subscription"] {
  const sub = s.tenant.subscription;
  if (!sub) return null;
  const { pastDueSince, canceledAt } = s.timeline;
  const status: SubscriptionStatus =
    sub.status === "past_due"
      ? reached(pastDueSince, t)
        ? "past_due"
        : "active"
      : sub.status === "canceled"
        ? reached(canceledAt, t)
          ? "canceled"
          : "active"
        : sub.status;
  return { status, pastDueSince: status === "past_due" ? pastDueSince : null };
}

export function snapshotAt(
  s: DemoTenantState,
  key: { id: string; kind: DemoKeyKind },
  model: string,
  at: Date,
  appUrl: string,
): DecisionSnapshot {
  const { tenant, timeline: tl } = s;
  const plan = demoPlan(tenant.plan);
  const t = at.getTime();
  const day = localDay(at, tenant.timeZone);
  const month = quotaPeriod(at, tenant.timeZone);
  // Calls at or after `at` are not charged yet: the balance then was the final one plus their cost.
  // Events are sorted, so the walk back from the newest stops at the start of the quota month.
  let future = 0n,
    tokens = 0n,
    tenantDay = 0n,
    tenantMonth = 0n,
    keyDay = 0n,
    keyMonth = 0n;
  for (let i = s.events.length - 1; i >= 0; i--) {
    const e = s.events[i]!;
    const et = e.occurredAt.getTime();
    if (et >= t) future += e.cost;
    else if (et < month.start.getTime()) break;
    else {
      const today = et >= day.start.getTime();
      tokens += BigInt(e.inputTokens + e.outputTokens);
      tenantMonth += e.cost;
      if (today) tenantDay += e.cost;
      if (e.apiKeyId === key.id) {
        keyMonth += e.cost;
        if (today) keyDay += e.cost;
      }
    }
  }
  const subscription = subscriptionAt(s, t);
  const card =
    tl.card && !reached(tl.card.detachedAt, t)
      ? { expMonth: tl.card.expMonth, expYear: tl.card.expYear }
      : null;
  const keyStatus =
    key.kind === "pending"
      ? "PENDING_APPROVAL"
      : key.kind === "revoked" && reached(tl.extraKeyAt, t)
        ? "REVOKED"
        : "ACTIVE";
  const catalogued = s.catalog.get(model);
  return {
    key: { id: key.id, status: keyStatus, allowedModels: [], dailySpendCap: null, monthlySpendCap: null },
    tenant: {
      id: s.tenantId,
      timeZone: tenant.timeZone,
      status: reached(tl.suspendedAt, t) ? "SUSPENDED" : "ACTIVE",
      dailySpendCap:
        tenant.dailySpendCapUsd !== undefined && reached(tl.spendCapSince, t)
          ? usdToMicros(tenant.dailySpendCapUsd)
          : null,
      monthlySpendCap: null,
    },
    plan: { ...plan, features: [...plan.features], allowedModels: [...plan.allowedModels] },
    subscription,
    defaultCard: card,
    openInvoiceUrl:
      subscription?.status === "past_due" || subscription?.status === "incomplete" ? s.openInvoiceUrl : null,
    model: catalogued ? priceAt(catalogued, at) : null,
    balance: { available: s.finalBalance + future, reserved: 0n },
    quota: { used: tokens, resetsAt: month.end },
    spend: { tenantDay, tenantMonth, keyDay, keyMonth, dayResetsAt: day.end, monthResetsAt: month.end },
    rateLimit: {
      limit: plan.requestsPerMinute,
      remaining: plan.requestsPerMinute - 1,
      resetsAt: new Date(t + 60_000),
      limited: false,
    },
    appUrl,
  };
}
