// The parts of a snapshot that are never cached: balance, quota used this month, and (only when
// a daily or per-key spending cap is set) what was spent today and this month. One round trip in
// the usual case, shared by all requests arriving together. Quota used counts the tokens held by
// calls in flight, and spend the credits they hold: what a call may still use is already spoken for.
import type pg from "pg";

import { Batcher, batcherFor } from "@/lib/db/batcher";
import { utc } from "@/lib/db/pool";
import type { PriorRefusal } from "@/lib/decisions/replay";
import type { DecisionSnapshot, KeySnapshot, TenantSnapshot } from "@/lib/decisions/types";
import type { HeldReservation } from "@/lib/ledger/reservation";
import { readSpend } from "@/lib/ledger/spend";
import { localDay, quotaPeriod } from "@/lib/time/tenant-calendar";

type Live = Pick<DecisionSnapshot, "balance" | "quota" | "spend"> & {
  existing: HeldReservation | null;
  priorRefusal: PriorRefusal | null;
};

type Probe = { tenantId: string; periodStart: Date; requestId: string };
type Row = {
  available: bigint | null;
  reserved: bigint | null;
  held_tokens: bigint | null;
  tokens: bigint;
  cost: bigint;
  r_id: string | null;
  r_amount: bigint | null;
  r_expires: Date | null;
  r_status: string | null;
  d_id: string | null;
  d_details: Record<string, unknown> | null;
};

// Every concurrent request's live state in one round trip (lib/db/batcher.ts); one read in flight,
// so a busy server sends few, large reads (each statement costs a round trip and a syscall).
async function readLive(db: pg.Pool, probes: Probe[]): Promise<Row[]> {
  const { rows } = await db.query<Row & { i: string }>(
    `SELECT q.i, b.available, b.reserved, b."reservedTokens" AS held_tokens, coalesce(u."tokensUsed", 0)::bigint AS tokens, coalesce(u.cost, 0)::bigint AS cost,
            r.id AS r_id, r.amount AS r_amount, r."expiresAt" AS r_expires, r.status::text AS r_status, d.id AS d_id, d.details AS d_details
     FROM unnest($1::text[], $2::timestamp[], $3::text[]) WITH ORDINALITY AS q(t, p, rq, i)
     LEFT JOIN "CreditBalance" b ON b."tenantId" = q.t
     LEFT JOIN "QuotaUsage" u ON u."tenantId" = q.t AND u."periodStart" = q.p
     LEFT JOIN "Reservation" r ON r."tenantId" = q.t AND r."requestId" = q.rq
     LEFT JOIN LATERAL (SELECT id, details FROM "Decision" WHERE "tenantId" = q.t AND "requestId" = q.rq AND NOT allowed ORDER BY "createdAt" DESC LIMIT 1) d ON r.id IS NULL`,
    [probes.map((p) => p.tenantId), probes.map((p) => utc(p.periodStart)), probes.map((p) => p.requestId)],
  );
  const byIndex = new Map(rows.map((r) => [Number(r.i), r]));
  return probes.map((_, i) => byIndex.get(i + 1)!);
}

const batchers = new WeakMap<pg.Pool, Batcher<Probe, Row>>();

/** Also returns what this requestId already got, if anything (a retried call). */
export async function loadLiveState(
  db: pg.Pool,
  tenant: TenantSnapshot,
  key: KeySnapshot,
  requestId: string,
  now: Date,
): Promise<Live> {
  const month = quotaPeriod(now, tenant.timeZone);
  const day = localDay(now, tenant.timeZone);
  const row = await batcherFor(
    batchers,
    db,
    () => new Batcher((probes: Probe[]) => readLive(db, probes), { maxInFlight: 1 }),
  ).submit({ tenantId: tenant.id, periodStart: month.start, requestId });
  const existing = row.r_id
    ? { id: row.r_id, amount: row.r_amount!, expiresAt: row.r_expires!, status: row.r_status! }
    : null;
  const priorRefusal = row.d_id ? { decisionId: row.d_id, details: row.d_details! } : null;
  const reserved = row.reserved ?? 0n;
  const spend = {
    tenantDay: 0n,
    tenantMonth: row.cost + reserved,
    keyDay: 0n,
    keyMonth: 0n,
    dayResetsAt: day.end,
    monthResetsAt: month.end,
  };
  const hasCaps = [tenant.dailySpendCap, key.dailySpendCap, key.monthlySpendCap].some((c) => c !== null);
  if (hasCaps) {
    // Spend = what was charged plus what is still held for calls in flight.
    const s = await readSpend(db, tenant.id, key.id, day.start, month.start);
    spend.tenantDay = s.tenantDay + reserved;
    spend.keyDay = s.keyDay + s.keyHeld;
    spend.keyMonth = s.keyMonth + s.keyHeld;
  }
  return {
    balance: { available: row.available ?? 0n, reserved },
    quota: { used: row.tokens + (row.held_tokens ?? 0n), resetsAt: month.end },
    spend,
    existing,
    priorRefusal,
  };
}
