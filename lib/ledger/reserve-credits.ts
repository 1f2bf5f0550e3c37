// Reserving credits for one call, exactly once per (tenant, requestId), never below zero.
// Calls are group-committed: while a batch transaction is in flight, new reservations queue up
// and go together in the next one (lib/ledger/reserve-batch.ts decides each exactly, in arrival
// order). An idle server commits a lone request at once; a busy one amortizes each commit over
// many requests. The answer is given only after the commit. One batch in flight, measured (npm run
// bench): larger batches beat overlapping ones, on a hot tenant (whose batches would queue on its
// row lock anyway) and across many.
import { randomUUID } from "node:crypto";
import type pg from "pg";

import { Batcher, batcherFor } from "@/lib/db/batcher";
import { inTransaction } from "@/lib/db/transaction";
import { reserveBatch } from "@/lib/ledger/reserve-batch";

export type ReserveInput = {
  tenantId: string;
  apiKeyId: string;
  requestId: string;
  model: string;
  amount: bigint;
  expiresAt: Date;
  now: Date;
  /** Tokens the call may use (input + max output), held against a HARD quota until settled. */
  tokens?: bigint;
  /** Limits beyond the balance (a HARD quota, spending caps), judged again under the lock. */
  guard?: ReserveGuard;
};
/**
 * What the balance row's lock makes exact: the numbers below are read inside the reservation's
 * transaction, after the lock, and include every reservation judged before this one in the batch.
 */
export type LockedState = {
  available: bigint;
  reserved: bigint;
  reservedTokens: bigint;
  /** This quota month's reported tokens and charged cost (QuotaUsage), when `quotaPeriodStart` was given. */
  monthTokens: bigint;
  monthCost: bigint;
  /** Charged today (tenant and key), this month (key), and held by the key, when `spendSince` was given. */
  tenantDayCharged: bigint;
  keyDayCharged: bigint;
  keyMonthCharged: bigint;
  keyHeld: bigint;
};
export type ReserveGuard<R = unknown> = {
  quotaPeriodStart?: Date;
  spendSince?: { day: Date; month: Date };
  /** Judges the call again on the locked numbers: null = still allowed, else the refusal to answer. */
  recheck(locked: LockedState): R | null;
};
export type HeldReservation = { id: string; amount: bigint; expiresAt: Date; status: string };
type Balance = { available: bigint; reserved: bigint };
export type ReserveResult =
  | { outcome: "reserved"; reservation: HeldReservation; balance: Balance }
  | { outcome: "duplicate"; reservation: HeldReservation; balance: Balance }
  | { outcome: "insufficient"; balance: Balance }
  | { outcome: "refused"; refusal: unknown; balance: Balance };

const DEADLOCK = "40P01";

type Item = ReserveInput & { id: string };

async function commit(db: pg.Pool, items: Item[], attempt = 1): Promise<ReserveResult[]> {
  // The connection outlives the transaction: duplicates are looked up after the commit, so the
  // batch's balance locks are not held while they are.
  const client = await db.connect();
  try {
    const results = await inTransaction(client, (c) => reserveBatch(c, items));
    return await resolveDuplicates(client, items, results);
  } catch (e) {
    // Two batches (two instances) holding each other's duplicate requestIds: PostgreSQL aborts
    // one; nothing was written, so it is simply tried again.
    if ((e as { code?: string }).code === DEADLOCK && attempt < 5) return commit(db, items, attempt + 1);
    throw e;
  } finally {
    client.release();
  }
}

/** A duplicate gets the reservation its requestId already holds (or "insufficient" if none survived). */
async function resolveDuplicates(
  client: pg.PoolClient,
  items: Item[],
  results: ReserveResult[],
): Promise<ReserveResult[]> {
  const dupes = items.filter((_, i) => results[i]!.outcome === "duplicate");
  if (dupes.length === 0) return results;
  const { rows } = await client.query<{
    tenantId: string;
    requestId: string;
    id: string;
    amount: bigint;
    expiresAt: Date;
    status: string;
    available: bigint;
    reserved: bigint;
  }>(
    `SELECT r."tenantId", r."requestId", r.id, r.amount, r."expiresAt", r.status::text AS status, b.available, b.reserved
     FROM unnest($1::text[], $2::text[]) AS q(t, r)
     JOIN "Reservation" r ON r."tenantId" = q.t AND r."requestId" = q.r
     JOIN "CreditBalance" b ON b."tenantId" = r."tenantId"`,
    [dupes.map((d) => d.tenantId), dupes.map((d) => d.requestId)],
  );
  const found = new Map(rows.map((r) => [`${r.tenantId}\u0000${r.requestId}`, r]));
  return results.map((result, i) => {
    if (result.outcome !== "duplicate") return result;
    const row = found.get(`${items[i]!.tenantId}\u0000${items[i]!.requestId}`);
    if (!row) return { outcome: "insufficient", balance: result.balance };
    return {
      outcome: "duplicate",
      reservation: { id: row.id, amount: row.amount, expiresAt: row.expiresAt, status: row.status },
      balance: { available: row.available, reserved: row.reserved },
    };
  });
}

const batchers = new WeakMap<pg.Pool, Batcher<Item, ReserveResult>>();

export function reserveCredits(db: pg.Pool, input: ReserveInput): Promise<ReserveResult> {
  return batcherFor(batchers, db, () => new Batcher((items) => commit(db, items), { maxInFlight: 1 })).submit(
    { ...input, id: `res_${randomUUID()}` },
  );
}
