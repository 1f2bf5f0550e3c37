// Reserving credits for one call, exactly once per (tenant, requestId), never below zero.
// Ordering is load-bearing: the reservation row is inserted first, so a concurrent duplicate
// of the same requestId waits on the unique index and then finds it (no double debit); the
// balance is then debited with one conditional UPDATE (available ≥ amount), which serializes
// racing requests on the tenant's balance row, so N racers on the last credits get exactly
// floor(available / cost) reservations. Both happen in one transaction with the ledger entry.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { utc } from "@/lib/db/pool";

export type ReserveInput = { tenantId: string; apiKeyId: string; requestId: string; model: string; amount: bigint; expiresAt: Date; now: Date };
export type HeldReservation = { id: string; amount: bigint; expiresAt: Date; status: string };
export type ReserveResult =
  | { outcome: "reserved"; reservation: HeldReservation; balance: { available: bigint; reserved: bigint } }
  | { outcome: "duplicate"; reservation: HeldReservation; balance: { available: bigint; reserved: bigint } }
  | { outcome: "insufficient"; balance: { available: bigint; reserved: bigint } };

async function balanceOf(client: pg.PoolClient, tenantId: string) {
  const { rows } = await client.query<{ available: bigint; reserved: bigint }>(`SELECT available, reserved FROM "CreditBalance" WHERE "tenantId" = $1`, [tenantId]);
  return rows[0] ?? { available: 0n, reserved: 0n };
}

export async function reserveCredits(db: pg.Pool, input: ReserveInput): Promise<ReserveResult> {
  const client = await db.connect();
  const id = `res_${randomUUID()}`;
  try {
    await client.query("BEGIN");
    const inserted = await client.query(
      `INSERT INTO "Reservation" (id, "tenantId", "apiKeyId", "requestId", model, amount, status, "expiresAt", "createdAt")
       VALUES ($1, $2, $3, $4, $5, $6, 'HELD', $7::timestamp, $8::timestamp)
       ON CONFLICT ("tenantId", "requestId") DO NOTHING RETURNING id`,
      [id, input.tenantId, input.apiKeyId, input.requestId, input.model, input.amount.toString(), utc(input.expiresAt), utc(input.now)],
    );
    if (inserted.rowCount === 0) {
      await client.query("ROLLBACK");
      const { rows } = await client.query<HeldReservation>(
        `SELECT id, amount, "expiresAt", status FROM "Reservation" WHERE "tenantId" = $1 AND "requestId" = $2`, [input.tenantId, input.requestId]);
      return { outcome: "duplicate", reservation: rows[0]!, balance: await balanceOf(client, input.tenantId) };
    }
    const debited = await client.query<{ available: bigint; reserved: bigint }>(
      `UPDATE "CreditBalance" SET available = available - $2, reserved = reserved + $2, "updatedAt" = $3::timestamp
       WHERE "tenantId" = $1 AND available >= $2 RETURNING available, reserved`,
      [input.tenantId, input.amount.toString(), utc(input.now)],
    );
    const balance = debited.rows[0];
    if (!balance) {
      await client.query("ROLLBACK");
      return { outcome: "insufficient", balance: await balanceOf(client, input.tenantId) };
    }
    await client.query(
      `INSERT INTO "CreditLedgerEntry" ("tenantId", kind, amount, "balanceAfter", "reservationId", "actorKind", "actorId", "idempotencyKey", "createdAt")
       VALUES ($1, 'RESERVE', $2, $3, $4, 'API_KEY', $5, $6, $7::timestamp)`,
      [input.tenantId, (-input.amount).toString(), balance.available.toString(), id, input.apiKeyId, `reserve:${input.requestId}`, utc(input.now)],
    );
    await client.query("COMMIT");
    return { outcome: "reserved", reservation: { id, amount: input.amount, expiresAt: input.expiresAt, status: "HELD" }, balance };
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
