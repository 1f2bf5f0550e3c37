// The job worker (`npm run jobs`, or in-process under `npm start`): notification deliveries and
// the minutely sweep. Several workers may run at once: pg-boss hands each job to one of them
// (SKIP LOCKED), and the minutely schedule yields one job per minute across all of them.
import { PgBoss } from "pg-boss";

import { createPool } from "@/lib/db/pool";
import { ensureJobQueues } from "@/lib/jobs/install";
import { QUEUES, retryPolicy, type NotifyJob, type RetryPolicy } from "@/lib/jobs/queues";
import { deliverNotification, recordThrownAttempt } from "@/lib/notify/deliver";
import type { SendDeps } from "@/lib/notify/send";
import { runMinutely } from "@/lib/worker/periodic";

export type WorkerOptions = {
  connectionString: string;
  appUrl: string;
  send: SendDeps;
  maxAttempts: number;
  /** Tests shorten the backoff. */
  retry?: Partial<RetryPolicy>;
  pollingIntervalSeconds?: number;
  concurrency?: number;
  /** How long a taken job may run before another worker retries it; tests shorten it. */
  expireInSeconds?: number;
  superviseIntervalSeconds?: number;
  /** Run the minutely sweep (off in tests that drive it themselves). */
  minutely?: boolean;
  log?: (line: string) => void;
};

export type RunningWorker = { stop(): Promise<void> };

export async function startWorker(opts: WorkerOptions): Promise<RunningWorker> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const boss = new PgBoss({
    connectionString: opts.connectionString,
    max: 4,
    schedule: opts.minutely !== false,
    // Expired jobs (a worker died holding them) are found by the monitor pass.
    ...(opts.superviseIntervalSeconds && {
      superviseIntervalSeconds: opts.superviseIntervalSeconds,
      monitorIntervalSeconds: opts.superviseIntervalSeconds,
    }),
  });
  boss.on("error", (e) => log(`job queue error: ${e.message}`));
  await boss.start();
  const policy = retryPolicy(opts.maxAttempts, opts.retry);
  await ensureJobQueues(boss, policy, opts.expireInSeconds);
  const pool = createPool(opts.connectionString, 4);

  // A batch per fetch, each job delivered concurrently and settled on its own; while fetches come
  // back full the worker fetches again at once (burst), so a backlog is not paced by the polling
  // interval (that capped delivery at batchSize × localConcurrency per interval).
  await boss.work<
    NotifyJob,
    unknown,
    {
      batchSize: number;
      pollingIntervalSeconds: number;
      localConcurrency: number;
      perJobResults: true;
      burstWhenBatchFull: boolean;
    }
  >(
    QUEUES.notify,
    {
      batchSize: 25,
      pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1,
      localConcurrency: opts.concurrency ?? 2,
      perJobResults: true,
      burstWhenBatchFull: true,
    },
    async (jobs) =>
      Promise.all(
        jobs.map(async (job) => {
          const attempt = job.data.firstAttempt + job.retryCount;
          const isLast = job.retryCount >= policy.retryLimit;
          try {
            const outcome = await deliverNotification(pool, opts.send, job.data.deliveryId, attempt, isLast);
            // "failed" hands the job back to pg-boss, which retries it after the backoff.
            return {
              id: job.id,
              status: outcome === "retry" ? ("failed" as const) : ("completed" as const),
              output: { outcome, attempt },
            };
          } catch (e) {
            // A throw is an attempt too: logged, and DEAD on the last one (the queue will not call again).
            let error: string;
            try {
              error = await recordThrownAttempt(pool, opts.send, job.data.deliveryId, attempt, isLast, e);
            } catch (recordError) {
              // The database itself is failing: nothing can be logged now (if this was the last attempt the
              // delivery keeps its previous status: the job's output and this log line say why).
              error = `the attempt failed and could not be logged: ${(recordError as Error).message}`;
            }
            log(`Notification ${job.data.deliveryId}, attempt ${attempt}: ${error}`);
            return { id: job.id, status: "failed" as const, output: { error, attempt } };
          }
        }),
      ),
  );
  if (opts.minutely !== false) {
    await boss.schedule(QUEUES.minutely, "* * * * *");
    await boss.work(QUEUES.minutely, { pollingIntervalSeconds: 5 }, async () => {
      const r = await runMinutely(pool, opts.appUrl);
      if (r.released || r.expired || r.transitions)
        log(
          `Minutely: released ${r.released} reservation(s), expired ${r.expired} grant(s), ${r.transitions} alert transition(s).`,
        );
    });
  }

  let stopping: Promise<void> | undefined;
  return {
    stop: () =>
      (stopping ??= (async () => {
        await boss.stop({ graceful: true, timeout: 10_000 });
        await pool.end();
      })()),
  };
}
