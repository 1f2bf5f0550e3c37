// A gateway giving back a reservation it will not use (the call was cancelled, failed upstream, or
// answered from a cache) instead of waiting for the expiry sweep. Idempotent: a reservation that is
// no longer held is answered with what ended it, and nothing changes.
//
// Lock order is load-bearing, and the same as usage settlement's and the expiry sweep's: the
// tenant's balance row first, then the reservation row. So a release racing a usage report (or the
// sweep) for the same reservation runs strictly before or after it: either the release gives the
// hold back and the usage is then charged in full with no hold to release, or the usage settles
// the hold and the release finds it SETTLED. Never both (app/api/v1/release/race.test.ts).
import type pg from "pg";

import { afterWrite } from "@/lib/alerts/after-write";
import { utc } from "@/lib/db/pool";
import { tenantScope } from "@/lib/db/tenant-scope";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors/app-error";
import { giveBack } from "@/lib/ledger/give-back";

export type ReleaseTarget = { requestId: string } | { reservationId: string };

export type ReleaseStatus = "released" | "already_released" | "already_settled" | "already_expired";

export type ReleaseResult = {
  reservationId: string;
  requestId: string;
  status: ReleaseStatus;
  /** What this call gave back: the hold's amount when released now, 0 otherwise. */
  released: bigint;
  balance: { available: bigint; reserved: bigint };
};

const ENDED: Record<string, ReleaseStatus> = {
  RELEASED: "already_released",
  SETTLED: "already_settled",
  EXPIRED: "already_expired",
};

export async function releaseReservation(
  db: pg.Pool,
  caller: { tenantId: string; apiKeyId: string; keyRevoked: boolean },
  target: ReleaseTarget,
  reason: string | null,
  now = new Date(),
): Promise<ReleaseResult> {
  const { tenantId } = tenantScope(caller.tenantId);
  return withTransaction(db, async (client) => {
    const {
      rows: [balance],
    } = await client.query<{ available: bigint; reserved: bigint }>(
      `SELECT available, reserved FROM "CreditBalance" WHERE "tenantId" = $1 FOR UPDATE`,
      [tenantId],
    );
    const byId = "reservationId" in target;
    const {
      rows: [hold],
    } = await client.query<{
      id: string;
      requestId: string;
      apiKeyId: string | null;
      amount: bigint;
      tokens: bigint;
      status: string;
    }>(
      `SELECT id, "requestId", "apiKeyId", amount, tokens, status::text AS status FROM "Reservation"
       WHERE "tenantId" = $1 AND ${byId ? "id" : `"requestId"`} = $2 FOR UPDATE`,
      [tenantId, byId ? target.reservationId : target.requestId],
    );
    // Another tenant's reservation is as unknown as one that does not exist.
    if (!hold || !balance)
      throw new AppError(
        "not_found",
        byId
          ? "No reservation of this tenant has this id."
          : "No reservation of this tenant has this requestId.",
      );
    if (caller.keyRevoked && hold.apiKeyId !== caller.apiKeyId)
      throw new AppError(
        "key_revoked",
        "This API key has been revoked: it may only release the reservations it made itself.",
      );
    const answer = (status: ReleaseStatus, released: bigint, available: bigint, reserved: bigint) => ({
      reservationId: hold.id,
      requestId: hold.requestId,
      status,
      released,
      balance: { available, reserved },
    });
    if (hold.status !== "HELD")
      return answer(ENDED[hold.status] ?? "already_released", 0n, balance.available, balance.reserved);

    await client.query(
      `UPDATE "Reservation" SET status = 'RELEASED', "settledAt" = $2::timestamp, "releaseReason" = $3 WHERE id = $1`,
      [hold.id, utc(now), reason],
    );
    const available = await giveBack(
      client,
      tenantId,
      balance.available,
      [hold],
      { actorKind: "API_KEY", actorId: caller.apiKeyId, keyPrefix: "release:", reason },
      now,
    );
    await afterWrite(client, { tenantId, changed: "balance", now });
    return answer("released", hold.amount, available, balance.reserved - hold.amount);
  });
}
