// The minutely sweep: what changes with time alone. Gives back expired reservations, takes back
// expired grants, then evaluates the time-based alert rules (card expiry, burn rate, grace
// ending, refusal windows draining) of every tenant that has one, each tenant in its own
// transaction. Runs once a minute across all workers (pg-boss schedules one job per slot).
import type pg from "pg";

import { evaluateAlerts } from "@/lib/alerts/evaluate";
import { TIME_BASED_KINDS } from "@/lib/alerts/kinds";
import { expireGrants } from "@/lib/ledger/expire-grants";
import { releaseExpiredReservations } from "@/lib/ledger/release-expired";

export async function runMinutely(db: pg.Pool, appUrl: string, now = new Date()) {
  const released = await releaseExpiredReservations(db, now);
  const expired = await expireGrants(db, now);
  const { rows } = await db.query<{ tenantId: string }>(
    `SELECT DISTINCT "tenantId" FROM "AlertRule" WHERE enabled AND kind::text = ANY($1::text[])`,
    [TIME_BASED_KINDS],
  );
  let transitions = 0;
  for (const { tenantId } of rows) {
    const client = await db.connect();
    try {
      await client.query("BEGIN");
      transitions += (await evaluateAlerts(client, tenantId, TIME_BASED_KINDS, { now, appUrl })).length;
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }
  return { released, expired, transitions };
}
