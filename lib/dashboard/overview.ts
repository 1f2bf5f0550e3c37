// The admin overview: tenants by state, credits sold and spent this month, refusals in the last
// 24 hours by code, and what needs attention. Spend reads the daily rollups (tenant-local days
// from the 1st of the current UTC month), never raw usage events.
import type pg from "pg";

import { utc } from "@/lib/db/pool";
import type { ModelPrice } from "@/lib/decisions/cost";
import { tenantHealth, type TenantHealth } from "@/lib/tenants/tenant-health";
import type { TenantStateRow } from "@/lib/tenants/tenant-states";

export type AttentionItem = {
  tenantId: string;
  name: string;
  level: TenantHealth["level"];
  reasons: string[];
};

export function summarizeTenants(states: TenantStateRow[], models: ModelPrice[], now: Date) {
  const items = states.map((s) => ({ s, h: tenantHealth(s, models, now) }));
  const count = (pred: (x: (typeof items)[number]) => boolean) => items.filter(pred).length;
  const byState = {
    total: items.length,
    ok: count((x) => x.h.level === "ok"),
    warn: count((x) => x.h.level === "warn"),
    refusing: count((x) => x.h.level === "refusing"),
    suspended: count((x) => x.s.status === "SUSPENDED"),
    pastDue: count((x) => x.s.subscription?.status === "past_due"),
  };
  const attention: AttentionItem[] = items
    .filter((x) => x.h.level !== "ok")
    .map((x) => ({
      tenantId: x.s.id,
      name: x.s.name,
      level: x.h.level,
      reasons: [
        ...(x.h.decision.allowed ? [] : [`${x.h.decision.title} (${x.h.decision.code})`]),
        ...x.h.warnings.map((w) => w.message),
      ],
    }))
    .sort((a, b) => (a.level === b.level ? a.name.localeCompare(b.name) : a.level === "refusing" ? -1 : 1));
  return { byState, attention };
}

export type MonthMoney = { sold: bigint; granted: bigint; spent: bigint; monthStart: Date };

/**
 * Sold = credits bought through Stripe (top-ups: positive entries written by the STRIPE actor);
 * granted = everything else credited (admin grants, promos). Read through CreditGrant — one row
 * per credit, a small table — and each grant's ledger entry looked up by (tenantId, createdAt),
 * the ledger's index: grantCredits writes a grant and its entry with the same timestamp. Scanning
 * the ledger itself by date would read every usage charge of the month.
 */
export async function monthMoney(db: pg.Pool, now: Date): Promise<MonthMoney> {
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const {
    rows: [r],
  } = await db.query<{ sold: bigint; granted: bigint; spent: bigint }>(
    `SELECT
       coalesce(sum(l.amount) FILTER (WHERE l."actorKind" = 'STRIPE'), 0)::bigint AS sold,
       coalesce(sum(l.amount) FILTER (WHERE l."actorKind" <> 'STRIPE'), 0)::bigint AS granted,
       (SELECT coalesce(sum(cost), 0) FROM "UsageRollup" WHERE day >= $2::date)::bigint AS spent
     FROM "CreditGrant" g
     JOIN LATERAL (
       SELECT amount, "actorKind" FROM "CreditLedgerEntry" e
       WHERE e."tenantId" = g."tenantId" AND e."createdAt" = g."createdAt" AND e."grantId" = g.id AND e.amount > 0 LIMIT 1
     ) l ON true
     WHERE g."createdAt" >= $1::timestamp AND g."createdAt" < $3::timestamp`,
    [
      utc(monthStart),
      monthStart.toISOString().slice(0, 10),
      utc(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1))),
    ],
  );
  return { sold: r!.sold, granted: r!.granted, spent: r!.spent, monthStart };
}

export async function refusalsByCode(
  db: pg.Pool,
  now: Date,
): Promise<Array<{ code: string; count: number }>> {
  const { rows } = await db.query<{ code: string; count: number }>(
    `SELECT code, count(*)::int AS count FROM "Decision" WHERE "createdAt" >= $1::timestamp AND NOT allowed GROUP BY code ORDER BY count DESC, code`,
    [utc(new Date(now.getTime() - 86_400_000))],
  );
  return rows;
}

/** Stripe events that need an operator: failed to apply, or for a customer no tenant owns. */
export async function stripeProblems(db: pg.Pool): Promise<{ failed: number; unmatched: number }> {
  const {
    rows: [r],
  } = await db.query<{ failed: number; unmatched: number }>(
    `SELECT count(*) FILTER (WHERE status = 'FAILED')::int AS failed, count(*) FILTER (WHERE status = 'UNMATCHED')::int AS unmatched
     FROM "StripeEvent" WHERE status IN ('FAILED', 'UNMATCHED')`,
  );
  return r ?? { failed: 0, unmatched: 0 };
}
