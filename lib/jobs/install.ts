// pg-boss keeps its jobs in its own schema (`pgboss`), which it installs and upgrades itself.
// This runs with the app's migrations, so the schema and queues exist before anything enqueues
// (a usage batch that crosses an alert enqueues inside its own transaction).
import { PgBoss } from "pg-boss";

import { retryPolicy } from "@/lib/jobs/queues";
import { ensureJobQueues } from "@/lib/jobs/worker";

export const DEFAULT_MAX_ATTEMPTS = 8;

export async function installJobQueues(connectionString: string): Promise<void> {
  const boss = new PgBoss({ connectionString, max: 1, supervise: false, schedule: false });
  boss.on("error", () => undefined);
  await boss.start();
  try {
    await ensureJobQueues(boss, retryPolicy(DEFAULT_MAX_ATTEMPTS));
  } finally {
    await boss.stop({ graceful: false });
  }
}
