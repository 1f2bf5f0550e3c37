// The usage chart's data: one point per tenant-local day and model, read from the daily rollups
// (already cut in the tenant's zone when written, so a DST day or a +05:30 zone is exact). Days
// with no usage are present with zeros, so the chart's axis is continuous.
import type pg from "pg";

import { tenantScope } from "@/lib/db/tenant-scope";
import { microsToChartValue } from "@/lib/money/format";
import { localDate } from "@/lib/time/tenant-calendar";

export const RANGES = [7, 30, 90] as const;
export type RangeDays = (typeof RANGES)[number];
export type Metric = "tokens" | "cost";

export type UsagePoint = { day: string; model: string; requests: number; tokens: bigint; cost: bigint };
export type UsageSeries = {
  days: string[];
  models: string[];
  points: UsagePoint[];
  totals: { requests: number; tokens: bigint; cost: bigint };
};

/** The `count` tenant-local days ending today, oldest first, as "YYYY-MM-DD". */
export function dayRange(now: Date, timeZone: string, count: number): string[] {
  const today = localDate(now, timeZone);
  const [y, m, d] = today.split("-").map(Number);
  const days: string[] = [];
  for (let i = count - 1; i >= 0; i--)
    days.push(new Date(Date.UTC(y!, m! - 1, d! - i)).toISOString().slice(0, 10));
  return days;
}

export async function usageSeries(
  db: pg.Pool,
  tenantId: string,
  timeZone: string,
  range: RangeDays,
  now: Date,
): Promise<UsageSeries> {
  const days = dayRange(now, timeZone, range);
  const { rows } = await db.query<{
    day: string;
    model: string;
    requests: number;
    tokens: bigint;
    cost: bigint;
  }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, model, requests, ("inputTokens" + "outputTokens")::bigint AS tokens, cost
     FROM "UsageRollup" WHERE "tenantId" = $1 AND day >= $2::date AND day <= $3::date ORDER BY day, model`,
    [tenantScope(tenantId).tenantId, days[0], days[days.length - 1]],
  );
  const models = [...new Set(rows.map((r) => r.model))].sort();
  const totals = rows.reduce(
    (t, r) => ({ requests: t.requests + r.requests, tokens: t.tokens + r.tokens, cost: t.cost + r.cost }),
    { requests: 0, tokens: 0n, cost: 0n },
  );
  return { days, models, points: rows, totals };
}

/** One row per day with a column per model: the shape a stacked chart and its table read. */
export function pivotSeries(s: UsageSeries, metric: Metric): Array<Record<string, string | number>> {
  const byDay = new Map(
    s.days.map((d) => [
      d,
      Object.fromEntries([["day", d], ...s.models.map((m) => [m, 0])]) as Record<string, string | number>,
    ]),
  );
  for (const p of s.points) {
    const row = byDay.get(p.day);
    // Cost as a chart height in dollars; text about money always comes from the exact BigInt.
    if (row) row[p.model] = metric === "tokens" ? Number(p.tokens) : microsToChartValue(p.cost);
  }
  return [...byDay.values()];
}
