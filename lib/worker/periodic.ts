// The minutely sweep: what changes with time alone. Gives back expired reservations, takes back
// expired grants, then evaluates the time-based alert rules (card expiry, burn rate, grace
// ending, refusal windows draining) of every tenant that has one, each tenant in its own
// transaction. Runs once a minute across all workers (pg-boss schedules one job per slot).
import type pg from "pg";

import { afterWrite, tenantsWatching } from "@/lib/alerts/after-write";
import { withTransaction } from "@/lib/db/transaction";
import { expireGrants } from "@/lib/ledger/expire-grants";
import { releaseExpiredReservations } from "@/lib/ledger/release-expired";

export async function runMinutely(db: pg.Pool, appUrl: string, now = new Date()) {
  const released = await releaseExpiredReservations(db, now);
  const expired = await expireGrants(db, now);
  let transitions = 0;
  for (const tenantId of await tenantsWatching(db, "time")) {
    const changed = await withTransaction(db, (client) =>
      afterWrite(client, { tenantId, changed: "time", now, appUrl }),
    );
    transitions += changed.length;
  }
  return { released, expired, transitions };
}
