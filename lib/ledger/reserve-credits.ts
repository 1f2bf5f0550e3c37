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
import type { ReserveItem as Item, ReserveInput, ReserveResult } from "@/lib/ledger/reservation";
import { reserveBatch } from "@/lib/ledger/reserve-batch";

// The types are reserveCredits's signature; they live apart so reserve-batch.ts can share them.
export type { HeldReservation, ReserveGuard, ReserveInput, ReserveResult } from "@/lib/ledger/reservation";

const DEADLOCK = "40P01";

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
