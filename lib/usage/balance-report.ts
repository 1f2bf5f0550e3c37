// GET /api/v1/balance's answer: balance, quota, plan, billing state, and how many days the credits
// last at the last 7 days' burn rate (read from the daily rollups, cut in the tenant's zone).
import type pg from "pg";

import { utc } from "@/lib/db/pool";
import { cardExpiresAt } from "@/lib/decisions/decide";
import type { KeyContext } from "@/lib/keys/key-context";
import { burnPerDay, burnWindowStart, daysOfCreditLeft } from "@/lib/money/burn-rate";
import { quotaPeriod } from "@/lib/time/tenant-calendar";

export async function balanceReport(db: pg.Pool, ctx: KeyContext, now = new Date()) {
  const period = quotaPeriod(now, ctx.tenant.timeZone);
  const since = burnWindowStart(now, ctx.tenant.timeZone);
  const {
    rows: [row],
  } = await db.query<{ available: bigint; reserved: bigint; tokens: bigint; week: bigint }>(
    `SELECT b.available, b.reserved,
            coalesce((SELECT "tokensUsed" FROM "QuotaUsage" q WHERE q."tenantId" = b."tenantId" AND q."periodStart" = $2::timestamp), 0)::bigint AS tokens,
            coalesce((SELECT sum(cost) FROM "UsageRollup" r WHERE r."tenantId" = b."tenantId" AND r.day >= $3::date), 0)::bigint AS week
     FROM "CreditBalance" b WHERE b."tenantId" = $1`,
    [ctx.tenant.id, utc(period.start), since],
  );
  const available = row?.available ?? 0n;
  const week = row?.week ?? 0n;
  const card = ctx.defaultCard;
  return {
    balance: {
      available: available.toString(),
      reserved: (row?.reserved ?? 0n).toString(),
      currency: "USD",
      unit: "micro-USD",
    },
    quota: {
      limit: ctx.plan.monthlyTokenQuota?.toString() ?? null,
      used: (row?.tokens ?? 0n).toString(),
      mode: ctx.plan.quotaMode,
      resetsAt: period.end.toISOString(),
    },
    plan: {
      key: ctx.plan.key,
      requestsPerMinute: ctx.plan.requestsPerMinute,
      maxContextTokens: ctx.plan.maxContextTokens,
      features: ctx.plan.features,
    },
    subscription: ctx.subscription && {
      status: ctx.subscription.status,
      pastDueSince: ctx.subscription.pastDueSince?.toISOString() ?? null,
    },
    card: card && {
      expMonth: card.expMonth,
      expYear: card.expYear,
      expired: now >= cardExpiresAt(card),
      expiresAt: cardExpiresAt(card).toISOString(),
    },
    burnRate: { perDay: burnPerDay(week).toString(), window: "7d" },
    daysOfCreditLeft: daysOfCreditLeft(available, week),
  };
}
