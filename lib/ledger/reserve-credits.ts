// Reserving credits for one call, exactly once per (tenant, requestId), never below zero.
// Calls are group-committed: while one batch transaction is in flight, new reservations queue up
// and go together in the next one (lib/ledger/reserve-batch.ts decides each exactly, in arrival
// order). An idle server commits a lone request at once; a busy one amortizes each commit over
// many requests. The answer is given only after the commit.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { reserveBatch } from "@/lib/ledger/reserve-batch";

export type ReserveInput = { tenantId: string; apiKeyId: string; requestId: string; model: string; amount: bigint; expiresAt: Date; now: Date };
export type HeldReservation = { id: string; amount: bigint; expiresAt: Date; status: string };
type Balance = { available: bigint; reserved: bigint };
export type ReserveResult =
  | { outcome: "reserved"; reservation: HeldReservation; balance: Balance }
  | { outcome: "duplicate"; reservation: HeldReservation; balance: Balance }
  | { outcome: "insufficient"; balance: Balance };

const MAX_BATCH = 500;
const DEADLOCK = "40P01";

type Waiter = { item: ReserveInput & { id: string }; resolve: (r: ReserveResult) => void; reject: (e: unknown) => void };

class ReservationBatcher {
  private queue: Waiter[] = [];
  private flushing = false;

  constructor(private readonly db: pg.Pool) {}

  reserve(input: ReserveInput): Promise<ReserveResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item: { ...input, id: `res_${randomUUID()}` }, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush() {
    this.flushing = true;
    while (this.queue.length) {
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        const results = await this.commit(batch.map((w) => w.item));
        batch.forEach((w, i) => w.resolve(results[i]!));
      } catch (e) {
        batch.forEach((w) => w.reject(e));
      }
    }
    this.flushing = false;
  }

  private async commit(items: Array<ReserveInput & { id: string }>, attempt = 1): Promise<ReserveResult[]> {
    const client = await this.db.connect();
    try {
      await client.query("BEGIN");
      const results = await reserveBatch(client, items);
      await client.query("COMMIT");
      return await resolveDuplicates(client, items, results);
    } catch (e) {
      await client.query("ROLLBACK").catch(() => undefined);
      // Two batches (two instances) holding each other's duplicate requestIds: PostgreSQL aborts
      // one; nothing was written, so it is simply tried again.
      if ((e as { code?: string }).code === DEADLOCK && attempt < 5) return this.commit(items, attempt + 1);
      throw e;
    } finally {
      client.release();
    }
  }
}

/** A duplicate gets the reservation its requestId already holds (or "insufficient" if none survived). */
async function resolveDuplicates(client: pg.PoolClient, items: Array<ReserveInput & { id: string }>, results: ReserveResult[]): Promise<ReserveResult[]> {
  const dupes = items.filter((_, i) => results[i]!.outcome === "duplicate");
  if (dupes.length === 0) return results;
  const { rows } = await client.query<{ tenantId: string; requestId: string; id: string; amount: bigint; expiresAt: Date; status: string; available: bigint; reserved: bigint }>(
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
    return { outcome: "duplicate", reservation: { id: row.id, amount: row.amount, expiresAt: row.expiresAt, status: row.status }, balance: { available: row.available, reserved: row.reserved } };
  });
}

const batchers = new WeakMap<pg.Pool, ReservationBatcher>();

export function reserveCredits(db: pg.Pool, input: ReserveInput): Promise<ReserveResult> {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new ReservationBatcher(db);
    batchers.set(db, batcher);
  }
  return batcher.reserve(input);
}
