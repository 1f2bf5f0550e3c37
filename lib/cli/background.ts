// Periodic work that runs in the `npm start` process beside the web server: giving back expired
// reservations and taking back expired credit grants. (The job queue arrives with the alerts issue.)
import { createPool } from "@/lib/db/pool";
import { releaseExpiredReservations } from "@/lib/ledger/release-expired";
import { expireGrants } from "@/lib/ledger/expire-grants";

export function startBackgroundWork(databaseUrl: string, log: (line: string) => void, everyMs = 30_000): { stop(): Promise<void> } {
  const pool = createPool(databaseUrl, 2);
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      const released = await releaseExpiredReservations(pool);
      if (released) log(`Released ${released} expired reservation(s).`);
      const expired = await expireGrants(pool);
      if (expired) log(`Expired ${expired} credit grant(s).`);
    })().catch((e: unknown) => log(`Periodic ledger work failed: ${e instanceof Error ? e.message : String(e)}`));
  };
  const timer = setInterval(tick, everyMs);
  tick();
  let stopped: Promise<void> | undefined;
  return {
    stop: () => (stopped ??= (async () => {
      clearInterval(timer);
      await running;
      await pool.end();
    })()),
  };
}
