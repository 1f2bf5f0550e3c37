// Reservations whose call never reported usage are given back when they expire. Each tenant's
// batch is released in one transaction holding its balance row (the same lock usage settlement
// takes), so a usage report racing the expiry settles or finds it released, never both.
import type pg from "pg";

import { utc } from "@/lib/db/pool";
import { withTransaction } from "@/lib/db/transaction";
import { giveBack } from "@/lib/ledger/give-back";

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
      await giveBack(
        client,
        tenantId,
        balance?.available ?? 0n,
        expired,
        { actorKind: "SYSTEM", actorId: null, keyPrefix: "expire:", reason: null },
        now,
      );
      return expired.length;
    });
  }
  return released;
}
