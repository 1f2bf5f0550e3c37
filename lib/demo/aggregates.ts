// Derived rows computed from usage events exactly as the live ingest path must compute them:
// chart rollups per tenant-local day and model, quota usage per tenant-local month, and one
// ledger charge per tenant-local day.
import type { DemoUsageEvent } from "@/lib/demo/usage";
import { localDate, localDay, quotaPeriod } from "@/lib/time/tenant-calendar";

export type Rollup = {
  tenantId: string;
  day: Date;
  model: string;
  requests: number;
  inputTokens: bigint;
  outputTokens: bigint;
  cost: bigint;
};
export type QuotaRow = {
  tenantId: string;
  periodStart: Date;
  periodEnd: Date;
  tokensUsed: bigint;
  requests: number;
  cost: bigint;
  updatedAt: Date;
};
export type DailyCharge = { at: Date; amount: bigint; date: string };

export function rollupsOf(events: DemoUsageEvent[], timeZone: string): Rollup[] {
  const map = new Map<string, Rollup>();
  for (const e of events) {
    const date = localDate(e.occurredAt, timeZone);
    const key = `${date}|${e.model}`;
    const row = map.get(key) ?? {
      tenantId: e.tenantId,
      day: new Date(`${date}T00:00:00Z`),
      model: e.model,
      requests: 0,
      inputTokens: 0n,
      outputTokens: 0n,
      cost: 0n,
    };
    row.requests += 1;
    row.inputTokens += BigInt(e.inputTokens);
    row.outputTokens += BigInt(e.outputTokens);
    row.cost += e.cost;
    map.set(key, row);
  }
  return [...map.values()];
}

export function quotaRowsOf(events: DemoUsageEvent[], timeZone: string, now: Date): QuotaRow[] {
  const map = new Map<string, QuotaRow>();
  for (const e of events) {
    const month = localDate(e.occurredAt, timeZone).slice(0, 7);
    let row = map.get(month);
    if (!row) {
      const period = quotaPeriod(e.occurredAt, timeZone);
      row = {
        tenantId: e.tenantId,
        periodStart: period.start,
        periodEnd: period.end,
        tokensUsed: 0n,
        requests: 0,
        cost: 0n,
        updatedAt: now,
      };
      map.set(month, row);
    }
    row.tokensUsed += BigInt(e.inputTokens + e.outputTokens);
    row.requests += 1;
    row.cost += e.cost;
  }
  return [...map.values()];
}

/** One charge per local day, booked at the end of that day (or just before `now` for today). */
export function dailyChargesOf(events: DemoUsageEvent[], timeZone: string, now: Date): DailyCharge[] {
  const map = new Map<string, DailyCharge>();
  for (const e of events) {
    const date = localDate(e.occurredAt, timeZone);
    let row = map.get(date);
    if (!row) {
      const end = localDay(e.occurredAt, timeZone).end;
      row = { at: new Date(Math.min(end.getTime(), now.getTime()) - 1), amount: 0n, date };
      map.set(date, row);
    }
    row.amount += e.cost;
  }
  return [...map.values()].sort((a, b) => a.at.getTime() - b.at.getTime());
}
