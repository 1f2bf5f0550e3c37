// Giving held credits back: the one write both ways a hold ends without usage share — the expiry
// sweep (lib/ledger/release-expired.ts) and a gateway's early release (release-reservation.ts).
// Usage settlement (lib/usage/settle-batch.ts) releases inside its own batch and does not use it.
// The caller holds the tenant's balance row (SELECT … FOR UPDATE) and has already moved the
// reservations out of HELD in the same transaction, so each amount is given back exactly once;
// the ledger's unique (tenantId, idempotencyKey) is a second guard against a double release.
import type pg from "pg";

import { utc } from "@/lib/db/pool";

export type HeldAmount = { id: string; amount: bigint; tokens: bigint };

export type GiveBackEntry = {
  actorKind: "SYSTEM" | "API_KEY";
  actorId: string | null;
  /** The ledger entries' idempotency keys are this prefix and the reservation id. */
  keyPrefix: "expire:" | "release:";
  reason: string | null;
};

/**
 * One RELEASE ledger entry per reservation and one balance update for them all. `available` is the
 * balance the caller read under the lock; the answer is the balance after.
 */
export async function giveBack(
  client: pg.ClientBase,
  tenantId: string,
  available: bigint,
  released: readonly HeldAmount[],
  entry: GiveBackEntry,
  now: Date,
): Promise<bigint> {
  if (released.length === 0) return available;
  const total = released.reduce((s, r) => s + r.amount, 0n);
  const tokens = released.reduce((s, r) => s + r.tokens, 0n);
  let after = available;
  const balances = released.map((r) => (after += r.amount));
  await client.query(
    `INSERT INTO "CreditLedgerEntry" ("tenantId", kind, amount, "balanceAfter", "reservationId", "actorKind", "actorId", reason, "idempotencyKey", "createdAt")
     SELECT $1, 'RELEASE', a, b, r, $3::"ActorKind", $4, $5, $6 || r, $2::timestamp FROM unnest($7::bigint[], $8::bigint[], $9::text[]) AS t(a, b, r)`,
    [
      tenantId,
      utc(now),
      entry.actorKind,
      entry.actorId,
      entry.reason,
      entry.keyPrefix,
      released.map((r) => r.amount.toString()),
      balances.map((b) => b.toString()),
      released.map((r) => r.id),
    ],
  );
  await client.query(
    `UPDATE "CreditBalance" SET available = available + $2, reserved = reserved - $2, "reservedTokens" = "reservedTokens" - $4, "updatedAt" = $3::timestamp WHERE "tenantId" = $1`,
    [tenantId, total.toString(), utc(now), tokens.toString()],
  );
  return after;
}
