// Reservations whose call never reported usage are given back when they expire. Each tenant's
// batch is released in one transaction holding its balance row (the same lock usage settlement
// takes), so a usage report racing the expiry settles or finds it released, never both.
import type pg from "pg";

import { utc } from "@/lib/db/pool";
import { withTransaction } from "@/lib/db/transaction";

export async function releaseExpiredReservations(
  db: pg.Pool,
  now = new Date(),
  limit = 1_000,
): Promise<number> {
  const { rows: tenants } = await db.query<{ tenantId: string }>(
    `SELECT DISTINCT "tenantId" FROM "Reservation" WHERE status = 'HELD' AND "expiresAt" <= $1::timestamp LIMIT $2`,
    [utc(now), limit],
  );
  let released = 0;
  for (const { tenantId } of tenants) {
    released += await withTransaction(db, async (client) => {
      const {
        rows: [balance],
      } = await client.query<{ available: bigint }>(
        `SELECT available FROM "CreditBalance" WHERE "tenantId" = $1 FOR UPDATE`,
        [tenantId],
      );
      const { rows: expired } = await client.query<{ id: string; amount: bigint; tokens: bigint }>(
        `UPDATE "Reservation" SET status = 'EXPIRED', "settledAt" = $2::timestamp
         WHERE "tenantId" = $1 AND status = 'HELD' AND "expiresAt" <= $2::timestamp RETURNING id, amount, tokens`,
        [tenantId, utc(now)],
      );
      let available = balance?.available ?? 0n;
      const total = expired.reduce((s, r) => s + r.amount, 0n);
      const tokens = expired.reduce((s, r) => s + r.tokens, 0n);
      const after = expired.map((r) => (available += r.amount));
      await client.query(
        `INSERT INTO "CreditLedgerEntry" ("tenantId", kind, amount, "balanceAfter", "reservationId", "actorKind", "idempotencyKey", "createdAt")
         SELECT $1, 'RELEASE', a, b, r, 'SYSTEM', 'expire:' || r, $2::timestamp FROM unnest($3::bigint[], $4::bigint[], $5::text[]) AS t(a, b, r)`,
        [
          tenantId,
          utc(now),
          expired.map((r) => r.amount.toString()),
          after.map((b) => b.toString()),
          expired.map((r) => r.id),
        ],
      );
      await client.query(
        `UPDATE "CreditBalance" SET available = available + $2, reserved = reserved - $2, "reservedTokens" = "reservedTokens" - $4, "updatedAt" = $3::timestamp WHERE "tenantId" = $1`,
        [tenantId, total.toString(), utc(now), tokens.toString()],
      );
      return expired.length;
    });
  }
  return released;
}
