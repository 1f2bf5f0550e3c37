// What a tenant and one of its keys have spent: charged today (tenant and key) and this month
// (key), from the usage events, and what the key still holds for calls in flight. The one
// statement both readers use: the decision's live state (before the lock, to answer fast) and the
// reservation batch (after the balance lock, to be exact). One round trip either way.
import type pg from "pg";

import { utc } from "@/lib/db/pool";

export type Spend = { tenantDay: bigint; keyDay: bigint; keyMonth: bigint; keyHeld: bigint };

const NONE: string[] = [];

/**
 * `dayStart` and `monthStart` are the tenant-local day and quota month. Reservations in
 * `notHeld` are left out of `keyHeld` (a batch counts its own holds as it judges them).
 */
export async function readSpend(
  db: pg.Pool | pg.ClientBase,
  tenantId: string,
  apiKeyId: string,
  dayStart: Date,
  monthStart: Date,
  notHeld: string[] = NONE,
): Promise<Spend> {
  const { rows } = await db.query<Spend>(
    `SELECT
       coalesce(sum(cost) FILTER (WHERE "occurredAt" >= $2::timestamp), 0)::bigint AS "tenantDay",
       coalesce(sum(cost) FILTER (WHERE "occurredAt" >= $2::timestamp AND "apiKeyId" = $4), 0)::bigint AS "keyDay",
       coalesce(sum(cost) FILTER (WHERE "apiKeyId" = $4), 0)::bigint AS "keyMonth",
       (SELECT coalesce(sum(amount), 0) FROM "Reservation"
        WHERE "tenantId" = $1 AND status = 'HELD' AND "apiKeyId" = $4 AND id <> ALL($5::text[]))::bigint AS "keyHeld"
     FROM "UsageEvent" WHERE "tenantId" = $1 AND "occurredAt" >= $3::timestamp`,
    [tenantId, utc(dayStart), utc(monthStart), apiKeyId, notHeld],
  );
  return rows[0]!;
}
