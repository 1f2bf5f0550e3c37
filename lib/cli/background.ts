// Periodic work that runs in the `npm start` process beside the web server: for now, giving back
// expired reservations. (Alerts and the job queue arrive with the alerts issue.)
import { createPool } from "@/lib/db/pool";
import { releaseExpiredReservations } from "@/lib/ledger/release-expired";

export function startBackgroundWork(databaseUrl: string, log: (line: string) => void, everyMs = 30_000): { stop(): Promise<void> } {
  const pool = createPool(databaseUrl, 2);
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = releaseExpiredReservations(pool)
      .then((n) => (n ? log(`Released ${n} expired reservation(s).`) : undefined))
      .catch((e: unknown) => log(`Releasing expired reservations failed: ${e instanceof Error ? e.message : String(e)}`));
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
