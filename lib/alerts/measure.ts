// The numbers alert rules watch, read for one tenant inside the caller's transaction. Only what
// the rules being evaluated need is read (a usage batch reads balance and quota, not cards).
import { utc } from "@/lib/db/pool";
import { rowsOf, type SqlRunner } from "@/lib/db/sql-runner";
import { cardExpiresAt } from "@/lib/decisions/decide";
import type { AlertRuleKind } from "@/lib/generated/prisma/enums";
import { burnWindowStart, daysOfCreditLeft } from "@/lib/money/burn-rate";
import { quotaPeriod } from "@/lib/time/tenant-calendar";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export type Measures = {
  tenant: { id: string; name: string; slug: string; timeZone: string };
  available: bigint;
  values: Partial<Record<Exclude<AlertRuleKind, "REFUSALS">, number | null>>;
};

type Base = {
  name: string;
  slug: string;
  timeZone: string;
  quota: bigint | null;
  graceDays: number;
  available: bigint | null;
  lastTopUp: bigint | null;
  subStatus: string | null;
  pastDueSince: Date | null;
  expMonth: number | null;
  expYear: number | null;
};

export async function measureTenant(
  db: SqlRunner,
  tenantId: string,
  kinds: ReadonlySet<AlertRuleKind>,
  now: Date,
): Promise<Measures | null> {
  const [base] = await rowsOf<Base>(
    db,
    `SELECT t.name, t.slug, t."timeZone", p."monthlyTokenQuota" AS quota, p."pastDueGraceDays" AS "graceDays", b.available,
            (SELECT amount FROM "CreditLedgerEntry" l WHERE l."tenantId" = t.id AND l.kind IN ('GRANT', 'TOPUP') AND l.amount > 0 ORDER BY l.id DESC LIMIT 1) AS "lastTopUp",
            s.status AS "subStatus", s."pastDueSince", c."expMonth", c."expYear"
     FROM "Tenant" t JOIN "Plan" p ON p.id = t."planId"
     LEFT JOIN "CreditBalance" b ON b."tenantId" = t.id
     LEFT JOIN LATERAL (SELECT status, "pastDueSince" FROM "Subscription" WHERE "tenantId" = t.id ORDER BY "updatedAt" DESC LIMIT 1) s ON true
     LEFT JOIN LATERAL (SELECT "expMonth", "expYear" FROM "PaymentMethod" WHERE "tenantId" = t.id AND "isDefault" AND "detachedAt" IS NULL LIMIT 1) c ON true
     WHERE t.id = $1`,
    [tenantId],
  );
  if (!base) return null;
  const available = BigInt(base.available ?? 0n);
  const values: Measures["values"] = {};
  const want = (k: AlertRuleKind) => kinds.has(k);

  if (want("BALANCE_BELOW")) values.BALANCE_BELOW = Number(available);
  if (want("BALANCE_BELOW_TOPUP_PCT"))
    values.BALANCE_BELOW_TOPUP_PCT = base.lastTopUp
      ? (Number(available) * 100) / Number(base.lastTopUp)
      : null;
  if (want("QUOTA_USED_PCT") || want("DAYS_LEFT_BELOW")) {
    const period = quotaPeriod(now, base.timeZone);
    const [u] = await rowsOf<{ tokens: bigint; week: bigint }>(
      db,
      `SELECT coalesce((SELECT "tokensUsed" FROM "QuotaUsage" WHERE "tenantId" = $1 AND "periodStart" = $2::timestamp), 0)::bigint AS tokens,
              coalesce((SELECT sum(cost) FROM "UsageRollup" WHERE "tenantId" = $1 AND day >= $3::date), 0)::bigint AS week`,
      [tenantId, utc(period.start), burnWindowStart(now, base.timeZone)],
    );
    if (want("QUOTA_USED_PCT"))
      values.QUOTA_USED_PCT = base.quota ? (Number(u!.tokens) * 100) / Number(base.quota) : null;
    if (want("DAYS_LEFT_BELOW")) values.DAYS_LEFT_BELOW = daysOfCreditLeft(available, BigInt(u!.week));
  }
  const card =
    base.expMonth !== null && base.expYear !== null
      ? { expMonth: base.expMonth, expYear: base.expYear }
      : null;
  const cardDays = card ? (cardExpiresAt(card).getTime() - now.getTime()) / DAY_MS : null;
  if (want("CARD_EXPIRING")) values.CARD_EXPIRING = cardDays !== null && cardDays > 0 ? cardDays : null;
  if (want("CARD_EXPIRED")) values.CARD_EXPIRED = cardDays === null ? null : cardDays <= 0 ? 1 : 0;
  const pastDue = base.subStatus === "past_due";
  if (want("SUBSCRIPTION_PAST_DUE")) values.SUBSCRIPTION_PAST_DUE = pastDue ? 1 : 0;
  if (want("GRACE_ENDING")) {
    const since = base.pastDueSince ? new Date(base.pastDueSince) : null;
    values.GRACE_ENDING =
      pastDue && since
        ? Math.max(0, (since.getTime() + base.graceDays * DAY_MS - now.getTime()) / HOUR_MS)
        : null;
  }
  return {
    tenant: { id: tenantId, name: base.name, slug: base.slug, timeZone: base.timeZone },
    available,
    values,
  };
}

/** Refused calls of the tenant in the last `windowMinutes` (of one code, or any). */
export async function countRefusals(
  db: SqlRunner,
  tenantId: string,
  windowMinutes: number,
  code: string | null,
  now: Date,
): Promise<number> {
  const [r] = await rowsOf<{ n: number }>(
    db,
    `SELECT count(*)::int AS n FROM "Decision" WHERE "tenantId" = $1 AND NOT allowed AND "createdAt" > $2::timestamp AND ($3::text IS NULL OR code = $3)`,
    [tenantId, utc(new Date(now.getTime() - windowMinutes * 60_000)), code],
  );
  return r!.n;
}
