// pg-boss keeps its jobs in its own schema (`pgboss`), which it installs and upgrades itself.
// This runs with the app's migrations, so the schema and queues exist before anything enqueues
// (a usage batch that crosses an alert enqueues inside its own transaction).
import { PgBoss } from "pg-boss";

import { EXPIRE_SECONDS, QUEUES, retryPolicy, type RetryPolicy } from "@/lib/jobs/queues";

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

/** Installs or upgrades pg-boss's schema and this app's queues (also run at start-up, before serving). */
export async function ensureJobQueues(
  boss: PgBoss,
  policy: RetryPolicy,
  expireInSeconds = EXPIRE_SECONDS,
): Promise<void> {
  const queues: Array<[string, Parameters<PgBoss["createQueue"]>[1]]> = [
    [QUEUES.notify, { ...policy, retryBackoff: true, expireInSeconds }],
    [QUEUES.minutely, { retryLimit: 0, expireInSeconds: 300 }],
  ];
  for (const [name, options] of queues) {
    if (await boss.getQueue(name)) await boss.updateQueue(name, options);
    else await boss.createQueue(name, options);
  }
}
