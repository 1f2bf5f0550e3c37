// A tenant's daily usage by model, read from the rollups (already cut in the tenant's zone when
// written, so a day is the tenant's calendar day, DST and +05:30 zones included). A date range,
// not pages: `from`/`to` (YYYY-MM-DD, inclusive, in the tenant's zone); `to` defaults to today
// there and `from` to 29 days before `to`; at most 366 days, which bounds the answer (days × models).
import type pg from "pg";

import { tenantScope } from "@/lib/db/tenant-scope";
import { localDate } from "@/lib/time/tenant-calendar";
import { invalidField } from "@/lib/validation/inputs";

export const DEFAULT_USAGE_DAYS = 30;
export const MAX_USAGE_DAYS = 366;

const DAY_MS = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY_MS;

export type UsageRangeQuery = { from?: string; to?: string };

/** The inclusive range asked for, defaults filled in the tenant's zone; 422 when it is backwards or too long. */
export function usageRange(q: UsageRangeQuery, timeZone: string, now: Date): { from: string; to: string } {
  const to = q.to ?? localDate(now, timeZone);
  const from = q.from ?? addDays(to, -(DEFAULT_USAGE_DAYS - 1));
  if (from > to) throw invalidField("from", "must not be after `to`");
  if (daysBetween(from, to) + 1 > MAX_USAGE_DAYS)
    throw invalidField("to", `must be at most ${MAX_USAGE_DAYS} days after \`from\``);
  return { from, to };
}

export async function usageRollups(
  db: pg.Pool,
  tenant: { id: string; timeZone: string },
  q: UsageRangeQuery,
  now = new Date(),
) {
  const { from, to } = usageRange(q, tenant.timeZone, now);
  const { rows } = await db.query<{
    day: string;
    model: string;
    inputTokens: bigint;
    outputTokens: bigint;
    requests: number;
    cost: bigint;
  }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, model, "inputTokens", "outputTokens", requests, cost
     FROM "UsageRollup" WHERE "tenantId" = $1 AND day >= $2::date AND day <= $3::date ORDER BY day, model`,
    [tenantScope(tenant.id).tenantId, from, to],
  );
  return {
    timeZone: tenant.timeZone,
    from,
    to,
    data: rows.map((r) => ({
      day: r.day,
      model: r.model,
      inputTokens: r.inputTokens.toString(),
      outputTokens: r.outputTokens.toString(),
      requests: r.requests,
      cost: r.cost.toString(),
    })),
  };
}
