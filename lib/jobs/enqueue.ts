// Enqueueing a job inside the caller's transaction (the transactional outbox): the job exists
// if and only if the transaction that asked for it commits. pg-boss writes it through the same
// connection; a throwaway PgBoss instance only builds the SQL (it opens nothing itself).
import { PgBoss } from "pg-boss";

import type { SqlRunner } from "@/lib/db/sql-runner";
import { QUEUES, type NotifyJob } from "@/lib/jobs/queues";

function bossOver(db: SqlRunner) {
  const adapter = {
    executeSql: (text: string, values?: unknown[]) => db.query(text, values) as Promise<{ rows: never[] }>,
  };
  return { boss: new PgBoss({ db: adapter, supervise: false, schedule: false, migrate: false }), adapter };
}

export async function enqueueNotification(db: SqlRunner, job: NotifyJob): Promise<void> {
  const { boss, adapter } = bossOver(db);
  await boss.send(QUEUES.notify, job, { db: adapter });
}
