// Which grants a charge spends: the tenant's live grants in order — lower priority number first,
// then the one expiring soonest (never-expiring last), then the oldest — so credits that are about
// to expire are used before they are lost. Only CreditGrant.remaining moves here; the balance is
// moved by the caller, in the same transaction, holding the tenant's CreditBalance row lock (which
// is what serializes every grant change: no row lock is needed on the grants themselves).
// A charge larger than what the grants hold (usage may drive a balance below zero) spends them all.
import { utc } from "@/lib/db/pool";
import type { SqlRunner } from "@/lib/db/sql-runner";

export async function consumeGrants(
  db: SqlRunner,
  tenantId: string,
  amount: bigint,
  now: Date,
): Promise<void> {
  if (amount <= 0n) return;
  await db.query(
    `WITH live AS (
       SELECT id, remaining, sum(remaining) OVER (ORDER BY priority, "expiresAt" NULLS LAST, "createdAt", id) - remaining AS before
       FROM "CreditGrant"
       WHERE "tenantId" = $1 AND remaining > 0 AND "expiredAt" IS NULL AND ("expiresAt" IS NULL OR "expiresAt" > $3::timestamp)
     )
     UPDATE "CreditGrant" g SET remaining = g.remaining - least(live.remaining, $2::bigint - live.before)
     FROM live WHERE g.id = live.id AND live.before < $2::bigint`,
    [tenantId, amount.toString(), utc(now)],
  );
}
