// The parts of a snapshot that are never cached: balance, quota used this month, and (only when
// a spending cap is set) what was spent today and this month. One round trip in the usual case.
import type pg from "pg";
import { utc } from "@/lib/db/pool";
import type { DecisionSnapshot, KeySnapshot, TenantSnapshot } from "@/lib/decisions/types";
import type { HeldReservation } from "@/lib/ledger/reserve-credits";
import { localDay, quotaPeriod } from "@/lib/time/tenant-calendar";

type Live = Pick<DecisionSnapshot, "balance" | "quota" | "spend"> & { existing: HeldReservation | null };

/** Also returns the reservation this requestId already holds, if any (a retried call). */
export async function loadLiveState(db: pg.Pool, tenant: TenantSnapshot, key: KeySnapshot, requestId: string, now: Date): Promise<Live> {
  const month = quotaPeriod(now, tenant.timeZone);
  const day = localDay(now, tenant.timeZone);
  const { rows } = await db.query<{ available: bigint; reserved: bigint; tokens: bigint; cost: bigint; r_id: string | null; r_amount: bigint | null; r_expires: Date | null; r_status: string | null }>(
    `SELECT b.available, b.reserved, coalesce(q."tokensUsed", 0)::bigint AS tokens, coalesce(q.cost, 0)::bigint AS cost,
            r.id AS r_id, r.amount AS r_amount, r."expiresAt" AS r_expires, r.status::text AS r_status
     FROM "CreditBalance" b
     LEFT JOIN "QuotaUsage" q ON q."tenantId" = b."tenantId" AND q."periodStart" = $2::timestamp
     LEFT JOIN "Reservation" r ON r."tenantId" = b."tenantId" AND r."requestId" = $3
     WHERE b."tenantId" = $1`,
    [tenant.id, utc(month.start), requestId],
  );
  const row = rows[0] ?? { available: 0n, reserved: 0n, tokens: 0n, cost: 0n, r_id: null, r_amount: null, r_expires: null, r_status: null };
  const existing = row.r_id ? { id: row.r_id, amount: row.r_amount!, expiresAt: row.r_expires!, status: row.r_status! } : null;
  const spend = { tenantDay: 0n, tenantMonth: row.cost, keyDay: 0n, keyMonth: 0n, dayResetsAt: day.end, monthResetsAt: month.end };
  const hasCaps = [tenant.dailySpendCap, key.dailySpendCap, key.monthlySpendCap].some((c) => c !== null);
  if (hasCaps) {
    // Spend = what was charged plus what is still held for calls in flight.
    const { rows: [s] } = await db.query<{ tenant_day: bigint; key_day: bigint; key_month: bigint; held: bigint; key_held: bigint }>(
      `SELECT
         coalesce(sum(cost) FILTER (WHERE "occurredAt" >= $2::timestamp), 0)::bigint AS tenant_day,
         coalesce(sum(cost) FILTER (WHERE "occurredAt" >= $2::timestamp AND "apiKeyId" = $4), 0)::bigint AS key_day,
         coalesce(sum(cost) FILTER (WHERE "apiKeyId" = $4), 0)::bigint AS key_month,
         (SELECT coalesce(sum(amount), 0) FROM "Reservation" WHERE "tenantId" = $1 AND status = 'HELD')::bigint AS held,
         (SELECT coalesce(sum(amount), 0) FROM "Reservation" WHERE "tenantId" = $1 AND status = 'HELD' AND "apiKeyId" = $4)::bigint AS key_held
       FROM "UsageEvent" WHERE "tenantId" = $1 AND "occurredAt" >= $3::timestamp`,
      [tenant.id, utc(day.start), utc(month.start), key.id],
    );
    spend.tenantDay = s!.tenant_day + s!.held;
    spend.tenantMonth = row.cost + s!.held;
    spend.keyDay = s!.key_day + s!.key_held;
    spend.keyMonth = s!.key_month + s!.key_held;
  }
  return { balance: { available: row.available, reserved: row.reserved }, quota: { used: row.tokens, resetsAt: month.end }, spend, existing };
}
