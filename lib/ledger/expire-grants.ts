// Credits granted with an expiry are taken back when it passes: what is left of the grant
// (CreditGrant.remaining, kept by consumeGrants) leaves the balance as one EXPIRE ledger entry.
// Never below zero: credits of the grant already held for calls in flight are not clawed back
// (they were spent in good faith). Each tenant is done in one transaction holding its balance row,
// so a charge racing the expiry either spends the grant first or finds it gone; a grant expires
// once however often this runs (expiredAt, and a unique ledger key per grant).
import type pg from "pg";

import { utc } from "@/lib/db/pool";
import { withTransaction } from "@/lib/db/transaction";

export async function expireGrants(db: pg.Pool, now = new Date(), limit = 1_000): Promise<number> {
  const { rows: tenants } = await db.query<{ tenantId: string }>(
    `SELECT DISTINCT "tenantId" FROM "CreditGrant" WHERE "expiredAt" IS NULL AND "expiresAt" <= $1::timestamp LIMIT $2`,
    [utc(now), limit],
  );
  let expiredCount = 0;
  for (const { tenantId } of tenants) {
    expiredCount += await withTransaction(db, async (client) => {
      const {
        rows: [balance],
      } = await client.query<{ available: bigint }>(
        `SELECT available FROM "CreditBalance" WHERE "tenantId" = $1 FOR UPDATE`,
        [tenantId],
      );
      const { rows: due } = await client.query<{ id: string; remaining: bigint }>(
        `UPDATE "CreditGrant" SET "expiredAt" = $2::timestamp WHERE "tenantId" = $1 AND "expiredAt" IS NULL AND "expiresAt" <= $2::timestamp
         RETURNING id, remaining`,
        [tenantId, utc(now)],
      );
      let available = balance?.available ?? 0n;
      const entries: Array<{ grant: string; amount: bigint; after: bigint }> = [];
      for (const g of due) {
        const amount = g.remaining < available ? g.remaining : available > 0n ? available : 0n;
        available -= amount;
        if (amount > 0n) entries.push({ grant: g.id, amount, after: available });
      }
      await client.query(`UPDATE "CreditGrant" SET remaining = 0 WHERE id = ANY($1)`, [due.map((g) => g.id)]);
      if (entries.length) {
        await client.query(
          `INSERT INTO "CreditLedgerEntry" ("tenantId", kind, amount, "balanceAfter", "grantId", "actorKind", reason, "idempotencyKey", "createdAt")
           SELECT $1, 'EXPIRE', -a, b, g, 'SYSTEM', 'Granted credits expired', 'expire-grant:' || g, $2::timestamp FROM unnest($3::bigint[], $4::bigint[], $5::text[]) AS t(a, b, g)`,
          [
            tenantId,
            utc(now),
            entries.map((e) => e.amount.toString()),
            entries.map((e) => e.after.toString()),
            entries.map((e) => e.grant),
          ],
        );
        await client.query(
          `UPDATE "CreditBalance" SET available = $2, "updatedAt" = $3::timestamp WHERE "tenantId" = $1`,
          [tenantId, available.toString(), utc(now)],
        );
      }
      return due.length;
    });
  }
  return expiredCount;
}
