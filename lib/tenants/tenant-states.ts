// Every tenant's standing in one query: balance, 7-day burn and days of credit left, quota used
// this month, today's and this month's spend, current subscription and default card. Chart and
// burn numbers read the daily rollups (cut in each tenant's own zone), never raw usage events,
// so the cost does not grow with traffic. Used by the admin overview, the tenants table and the
// tenant's own home.
import type pg from "pg";

import { utc } from "@/lib/db/pool";
import { sqlTenantScope } from "@/lib/db/tenant-scope";
import type { ModelPrice } from "@/lib/decisions/cost";
import type { PlanSnapshot, SubscriptionStatus } from "@/lib/decisions/types";

export type TenantStateRow = {
  id: string;
  name: string;
  slug: string;
  status: "ACTIVE" | "SUSPENDED";
  timeZone: string;
  dailySpendCap: bigint | null;
  monthlySpendCap: bigint | null;
  flaggedForReview: boolean;
  createdAt: Date;
  plan: PlanSnapshot & { id: string; name: string };
  available: bigint;
  reserved: bigint;
  /** micro-USD spent over the last 7 tenant-local days (today included). */
  weekCost: bigint;
  todayCost: bigint;
  quotaUsed: bigint;
  monthCost: bigint;
  quotaResetsAt: Date | null;
  subscription: { status: SubscriptionStatus; pastDueSince: Date | null } | null;
  card: { expMonth: number; expYear: number } | null;
  activeKeys: number;
  pendingKeys: number;
};

type Raw = {
  id: string;
  name: string;
  slug: string;
  status: "ACTIVE" | "SUSPENDED";
  time_zone: string;
  daily_cap: bigint | null;
  monthly_cap: bigint | null;
  flagged: boolean;
  created_at: Date;
  plan_id: string;
  plan_key: string;
  plan_name: string;
  monthly_price: bigint;
  quota_limit: bigint | null;
  quota_mode: "HARD" | "SOFT";
  rpm: number;
  max_context: number | null;
  features: string[];
  allowed_models: string[];
  grace_days: number;
  requires_card: boolean;
  available: bigint;
  reserved: bigint;
  week_cost: bigint;
  today_cost: bigint;
  quota_used: bigint;
  month_cost: bigint;
  quota_resets_at: Date | null;
  sub_status: SubscriptionStatus | null;
  past_due_since: Date | null;
  exp_month: number | null;
  exp_year: number | null;
  active_keys: number;
  pending_keys: number;
};

const scope = sqlTenantScope("t.id", "$2");

// $1 = now (naive UTC), $2 = the tenant ids (the scope above). A tenant's local "today" is now in
// its zone; the quota row is the one whose period contains now (periods are cut in the tenant's
// zone when written).
const SQL = `
WITH base AS (
  SELECT t.*, (($1::timestamp AT TIME ZONE 'UTC') AT TIME ZONE t."timeZone")::date AS today FROM "Tenant" t
  WHERE ${scope.condition}
)
SELECT t.id, t.name, t.slug, t.status::text AS status, t."timeZone" AS time_zone, t."dailySpendCap" AS daily_cap, t."monthlySpendCap" AS monthly_cap,
       t."flaggedForReview" AS flagged, t."createdAt" AS created_at,
       p.id AS plan_id, p.key AS plan_key, p.name AS plan_name, p."monthlyPrice" AS monthly_price, p."monthlyTokenQuota" AS quota_limit,
       p."quotaMode"::text AS quota_mode, p."requestsPerMinute" AS rpm, p."maxContextTokens" AS max_context, p.features, p."allowedModels" AS allowed_models,
       p."pastDueGraceDays" AS grace_days, p."requiresPaymentMethod" AS requires_card,
       coalesce(b.available, 0)::bigint AS available, coalesce(b.reserved, 0)::bigint AS reserved,
       coalesce(r.week, 0)::bigint AS week_cost, coalesce(r.today, 0)::bigint AS today_cost,
       coalesce(q."tokensUsed", 0)::bigint AS quota_used, coalesce(q.cost, 0)::bigint AS month_cost, q."periodEnd" AS quota_resets_at,
       s.status::text AS sub_status, s."pastDueSince" AS past_due_since, c."expMonth" AS exp_month, c."expYear" AS exp_year,
       coalesce(k.active, 0)::int AS active_keys, coalesce(k.pending, 0)::int AS pending_keys
FROM base t
JOIN "Plan" p ON p.id = t."planId"
LEFT JOIN "CreditBalance" b ON b."tenantId" = t.id
LEFT JOIN LATERAL (
  SELECT sum(cost) AS week, sum(cost) FILTER (WHERE day = t.today) AS today
  FROM "UsageRollup" WHERE "tenantId" = t.id AND day >= t.today - 6 AND day <= t.today
) r ON true
LEFT JOIN LATERAL (
  SELECT "tokensUsed", cost, "periodEnd" FROM "QuotaUsage"
  WHERE "tenantId" = t.id AND "periodStart" <= $1::timestamp AND "periodEnd" > $1::timestamp LIMIT 1
) q ON true
LEFT JOIN LATERAL (SELECT status, "pastDueSince" FROM "Subscription" WHERE "tenantId" = t.id ORDER BY "updatedAt" DESC LIMIT 1) s ON true
LEFT JOIN LATERAL (
  SELECT "expMonth", "expYear" FROM "PaymentMethod" WHERE "tenantId" = t.id AND "isDefault" AND "detachedAt" IS NULL LIMIT 1
) c ON true
LEFT JOIN LATERAL (
  SELECT count(*) FILTER (WHERE status = 'ACTIVE') AS active, count(*) FILTER (WHERE status = 'PENDING_APPROVAL') AS pending
  FROM "ApiKey" WHERE "tenantId" = t.id
) k ON true
ORDER BY t.name`;

/** All tenants (admin), or only the ids given (a tenant's own home passes exactly its own id). */
export async function loadTenantStates(
  db: pg.Pool,
  now: Date,
  tenantIds?: string[],
): Promise<TenantStateRow[]> {
  const { rows } = await db.query<Raw>(SQL, [utc(now), scope.value(tenantIds)]);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    slug: r.slug,
    status: r.status,
    timeZone: r.time_zone,
    dailySpendCap: r.daily_cap,
    monthlySpendCap: r.monthly_cap,
    flaggedForReview: r.flagged,
    createdAt: r.created_at,
    plan: {
      id: r.plan_id,
      key: r.plan_key,
      name: r.plan_name,
      monthlyPrice: r.monthly_price,
      monthlyTokenQuota: r.quota_limit,
      quotaMode: r.quota_mode,
      requestsPerMinute: r.rpm,
      maxContextTokens: r.max_context,
      features: r.features,
      allowedModels: r.allowed_models,
      pastDueGraceDays: r.grace_days,
      requiresPaymentMethod: r.requires_card,
    },
    available: r.available,
    reserved: r.reserved,
    weekCost: r.week_cost,
    todayCost: r.today_cost,
    quotaUsed: r.quota_used,
    monthCost: r.month_cost,
    quotaResetsAt: r.quota_resets_at,
    subscription: r.sub_status ? { status: r.sub_status, pastDueSince: r.past_due_since } : null,
    card: r.exp_month !== null && r.exp_year !== null ? { expMonth: r.exp_month, expYear: r.exp_year } : null,
    activeKeys: r.active_keys,
    pendingKeys: r.pending_keys,
  }));
}

/** Active models priced at `now` (the catalogue's version in force), for tenant-health.ts's probe call. */
export async function loadModelPrices(db: pg.Pool, now = new Date()): Promise<ModelPrice[]> {
  // The version in force is the newest at or before now; before a model's first version, its first.
  const { rows } = await db.query<ModelPrice>(
    `SELECT m.id, m.active, m."maxOutputTokens", p."inputPrice", p."outputPrice", p."cachedInputPrice", p."requestPrice"
     FROM "Model" m CROSS JOIN LATERAL (
       SELECT * FROM "ModelPrice" v WHERE v."modelId" = m.id
       ORDER BY v."effectiveFrom" > $1::timestamp, CASE WHEN v."effectiveFrom" <= $1::timestamp THEN v."effectiveFrom" END DESC NULLS LAST, v."effectiveFrom"
       LIMIT 1) p
     WHERE m.active ORDER BY m.id`,
    [utc(now)],
  );
  return rows;
}
