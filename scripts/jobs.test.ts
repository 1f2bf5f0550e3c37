// `npm run jobs` as a real process against a test database: SIGTERM while deliveries to a slow
// receiver are in hand lets them finish, the process exits 0, a job queued after the signal is
// left for the next worker, and every notification reaches the receiver exactly once.
import { spawn } from "node:child_process";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createPool } from "@/lib/db/pool";
import { startWorker } from "@/lib/worker/worker";
import { createChannel, createRule } from "@/test/alert-fixtures";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { createTenantWithKey } from "@/test/fixtures";
import { queueDeliveries, samplePayload } from "@/test/queue-delivery";
import { startReceiver } from "@/test/receiver";

describe("npm run jobs", () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    db = await createTestDatabase("cli_jobs");
    pool = createPool(db.url, 4);
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it("finishes the deliveries in hand on SIGTERM, exits 0, and loses or repeats none", async () => {
    const { tenant } = await createTenantWithKey(db.prisma, { slug: "jobs-cli", available: 0n });
    const rule = await createRule(db.prisma, tenant.id, "BALANCE_BELOW", 10_000_000n);
    const receiver = await startReceiver(() => ({ status: 200, delayMs: 2_000 }));
    const channel = await createChannel(db.prisma, tenant.id, `${receiver.url}/slow`);
    const queue = () =>
      queueDeliveries(
        pool,
        tenant.id,
        rule.id,
        [channel.id],
        samplePayload({ id: tenant.id, name: tenant.name, slug: tenant.slug }, rule.id),
      );
    const status = async (ids: string[]) =>
      (
        await db.prisma.notificationDelivery.findMany({
          where: { id: { in: ids } },
          select: { status: true },
        })
      ).map((d) => d.status);

    const child = spawn(process.execPath, ["--import", "tsx", "scripts/jobs.ts"], {
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        ALERTS_ALLOW_PRIVATE_URLS: "1",
        APP_URL: "http://tollgate.test",
        ALERTS_MAX_ATTEMPTS: "3",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const exited = new Promise<{ code: number | null; signal: string | null; at: number }>((resolve) =>
      child.once("exit", (code, signal) => resolve({ code, signal, at: Date.now() })),
    );
    try {
      await expect
        .poll(() => output, { timeout: 30_000, interval: 100 })
        .toContain("Tollgate worker running");
      const inHand = [...(await queue()), ...(await queue()), ...(await queue())];
      // All three are being delivered (the receiver holds each answer for 2 s) when the signal comes.
      await expect.poll(() => receiver.requests.length, { timeout: 15_000, interval: 50 }).toBe(3);
      const signalledAt = Date.now();
      child.kill("SIGTERM");
      const late = await queue();

      const exit = await exited;
      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(output).toContain("SIGTERM: finishing the jobs in hand");
      // It waited for the slow answers rather than abandoning them…
      expect(exit.at - signalledAt).toBeGreaterThanOrEqual(1_000);
      expect(await status(inHand)).toEqual(["SUCCEEDED", "SUCCEEDED", "SUCCEEDED"]);
      const { rows: jobs } = await pool.query<{ state: string }>(
        `SELECT state::text FROM pgboss.job WHERE data->>'deliveryId' = ANY($1)`,
        [inHand],
      );
      expect(jobs.map((j) => j.state)).toEqual(["completed", "completed", "completed"]);
      // …and took nothing new once it was stopping: the late one waits, queued, for the next worker.
      expect(await status(late)).toEqual(["PENDING"]);
      expect(receiver.requests).toHaveLength(3);

      const next = await startWorker({
        connectionString: db.url,
        appUrl: "http://tollgate.test",
        maxAttempts: 3,
        minutely: false,
        pollingIntervalSeconds: 0.5,
        send: { allowPrivate: true, emailFrom: "alerts@tollgate.test" },
        log: () => undefined,
      });
      try {
        await expect.poll(() => status(late), { timeout: 20_000, interval: 200 }).toEqual(["SUCCEEDED"]);
      } finally {
        await next.stop();
      }
      const ids = receiver.requests.map((r) => r.headers["webhook-id"]);
      expect(ids.sort()).toEqual([...inHand, ...late].sort());
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await receiver.close();
    }
  });
});
