// The dates of a demo tenant's story, all relative to `now`: when it signed up, when its card
// expires or was removed, since when it is past due, canceled or suspended. One source for the
// billing rows, the usage generator and the decision snapshots, so they cannot disagree — in
// particular, usage stops at `blockedFrom`, the instant the engine starts refusing the tenant.
import { cardExpiresAt } from "@/lib/decisions/decide";
import type { DemoTenant } from "@/lib/demo/accounts";
import { demoPlan } from "@/lib/demo/catalog";
import { localDay } from "@/lib/time/tenant-calendar";

export type DemoCard = { expMonth: number; expYear: number; detachedAt: Date | null };

export type Timeline = {
  signedUpAt: Date;
  /** First instant with usage: sign-up, or 90 days ago for older tenants. */
  usageFrom: Date;
  /** From this instant every call of the tenant's active key is refused; null = never (so far). */
  blockedFrom: Date | null;
  /** The subscription's current period (trial period while trialing). */
  periodStart: Date;
  periodEnd: Date;
  pastDueSince: Date | null;
  canceledAt: Date | null;
  trialEnd: Date | null;
  suspendedAt: Date | null;
  card: DemoCard | null;
  /** The daily spending cap applies from here (the tenant's local midnight today). */
  spendCapSince: Date | null;
  extraKeyAt: Date | null;
};

const DAY_MS = 86_400_000;

export function timelineOf(t: DemoTenant, now: Date): Timeline {
  const ago = (days: number) => new Date(now.getTime() - Math.round(days * DAY_MS));
  const plan = demoPlan(t.plan);
  const sub = t.subscription;
  const signedUpAt = ago(t.signedUpDaysAgo ?? 95);
  const usageFrom = new Date(Math.max(signedUpAt.getTime(), ago(90).getTime()));
  const pastDueSince = sub?.pastDueDays === undefined ? null : ago(sub.pastDueDays);
  const canceledAt = sub?.status === "canceled" ? ago(sub.canceledDaysAgo ?? 5) : null;
  const trialEnd = sub?.status === "trialing" ? new Date(signedUpAt.getTime() + 14 * DAY_MS) : null;

  // Cards are valid through the last day of their expiry month (UTC). "expiring" = this month,
  // which ends within 30 days except on the 1st of a 31-day month; "expired" = last month.
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() + 1;
  const expiry =
    t.card === "expiring"
      ? { expMonth: m, expYear: y }
      : t.card === "expired"
        ? m === 1
          ? { expMonth: 12, expYear: y - 1 }
          : { expMonth: m - 1, expYear: y }
        : { expMonth: 8, expYear: y + 2 };
  const card = t.card
    ? { ...expiry, detachedAt: t.card === "removed" ? ago(t.cardRemovedDaysAgo ?? 2) : null }
    : null;

  const [periodStart, periodEnd] = trialEnd
    ? [signedUpAt, trialEnd]
    : canceledAt
      ? [ago((t.subscription?.canceledDaysAgo ?? 5) + 20), canceledAt]
      : sub?.status === "incomplete"
        ? [signedUpAt, new Date(signedUpAt.getTime() + 30 * DAY_MS)]
        : [pastDueSince ?? ago(12), new Date((pastDueSince ?? ago(12)).getTime() + 30 * DAY_MS)];

  const suspendedAt = t.suspendedDaysAgo === undefined ? null : ago(t.suspendedDaysAgo);
  const blocks = [
    suspendedAt,
    pastDueSince && new Date(pastDueSince.getTime() + plan.pastDueGraceDays * DAY_MS),
    canceledAt,
    sub?.status === "incomplete" ? signedUpAt : null,
    plan.requiresPaymentMethod && card ? (card.detachedAt ?? cardExpiresAt(card)) : null,
    plan.requiresPaymentMethod && !card ? signedUpAt : null,
  ].filter((d): d is Date => d !== null && d.getTime() <= now.getTime());
  const blockedFrom = blocks.length ? new Date(Math.min(...blocks.map((d) => d.getTime()))) : null;

  return {
    signedUpAt,
    usageFrom,
    blockedFrom,
    periodStart,
    periodEnd,
    pastDueSince,
    canceledAt,
    trialEnd,
    suspendedAt,
    card,
    spendCapSince: t.dailySpendCapUsd === undefined ? null : localDay(now, t.timeZone).start,
    extraKeyAt: t.extraKey === "pending" ? ago(1) : t.extraKey === "revoked" ? ago(3) : null,
  };
}
