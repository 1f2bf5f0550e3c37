// The notification worker against real PostgreSQL (pg-boss) and local receivers: retries with
// backoff (exponential, capped, jittered) until the receiver answers, dead-letters after the
// maximum (also when the last attempt throws), never stores or logs a secret, signs per Standard
// Webhooks, speaks Slack, PagerDuty and SMTP, and two workers deliver each notification once.
import { spawn } from "node:child_process";
import type pg from "pg";
import { SMTPServer } from "smtp-server";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { createPool } from "@/lib/db/pool";
import { prismaRunner } from "@/lib/db/sql-runner";
import { retryDeadDelivery } from "@/lib/notify/retry-delivery";
import { sendTestNotification } from "@/lib/notify/send-test";
import { startWorker, type RunningWorker, type WorkerOptions } from "@/lib/worker/worker";
import { createChannel, createRule } from "@/test/alert-fixtures";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { createTenantWithKey } from "@/test/fixtures";
import { queueDeliveries, samplePayload } from "@/test/queue-delivery";
import { startReceiver } from "@/test/receiver";

describe("notification worker", () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  const workers: RunningWorker[] = [];
  beforeAll(async () => {
    db = await createTestDatabase("worker");
    pool = createPool(db.url, 6);
  });
  // Each test's workers stop with it: a worker left running would take the next test's jobs.
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  const options = (extra: Partial<WorkerOptions> = {}): WorkerOptions => ({
    connectionString: db.url,
    appUrl: "http://tollgate.test",
    maxAttempts: 5,
    minutely: false,
    pollingIntervalSeconds: 0.5,
    log: () => undefined,
    retry: { retryDelay: 1, retryDelayMax: 2 },
    send: { allowPrivate: true, emailFrom: "Tollgate <alerts@tollgate.test>" },
    ...extra,
  });
  const worker = async (extra: Partial<WorkerOptions> = {}) => {
    const w = await startWorker(options(extra));
    workers.push(w);
    return w;
  };
  let n = 0;
  const setup = async () => {
    const t = await createTenantWithKey(db.prisma, { slug: `w${++n}`, available: 0n });
    const rule = await createRule(db.prisma, t.tenant.id, "BALANCE_BELOW", 10_000_000n);
    return {
      ...t,
      rule,
      payload: () => samplePayload({ id: t.tenant.id, name: t.tenant.name, slug: t.tenant.slug }, rule.id),
    };
  };
  const delivery = (id: string) =>
    db.prisma.notificationDelivery.findUniqueOrThrow({
      where: { id },
      include: { log: { orderBy: { attempt: "asc" } } },
    });
  const settled = (id: string) =>
    expect.poll(async () => (await delivery(id)).status, { timeout: 30_000, interval: 200 });

  it("retries a failing receiver with backoff until it answers, and the signature verifies on the receiving side", async () => {
    const t = await setup();
    const receiver = await startReceiver((_req, i) => ({
      status: i < 3 ? 503 : 200,
      body: i < 3 ? "busy" : "thanks",
    }));
    const channel = await createChannel(db.prisma, t.tenant.id, `${receiver.url}/hook`);
    await worker();
    const [id] = await queueDeliveries(pool, t.tenant.id, t.rule.id, [channel.id], t.payload());
    await settled(id!).toBe("SUCCEEDED");
    const d = await delivery(id!);
    expect(d).toMatchObject({ attempts: 4, responseCode: 200, responseBody: "thanks", error: null });
    expect(d.log.map((a) => [a.attempt, a.ok, a.responseCode])).toEqual([
      [1, false, 503],
      [2, false, 503],
      [3, false, 503],
      [4, true, 200],
    ]);
    expect(receiver.requests).toHaveLength(4);
    // Backoff: the gaps grow (1 s base, doubling, with jitter).
    const gaps = receiver.requests.slice(1).map((r, i) => r.at - receiver.requests[i]!.at);
    expect(gaps.every((g) => g >= 400)).toBe(true);
    // Every retry carries the same webhook-id (receivers de-duplicate on it) and a valid signature.
    const wh = new Webhook(channel.secret!);
    for (const r of receiver.requests) {
      expect(r.headers["webhook-id"]).toBe(id);
      expect(wh.verify(r.body, r.headers as Record<string, string>)).toMatchObject({
        type: "alert.firing",
        tenant: { id: t.tenant.id },
      });
    }
    expect(() =>
      new Webhook(`whsec_${Buffer.from("another secret, 24 bytes!").toString("base64")}`).verify(
        receiver.requests[3]!.body,
        receiver.requests[3]!.headers as Record<string, string>,
      ),
    ).toThrow();
    await receiver.close();
  });

  it("spaces retries exponentially up to the cap, with jitter (pg-boss's schedule, read off the job rows)", async () => {
    const t = await setup();
    const receiver = await startReceiver(() => ({ status: 503, body: "busy" }));
    const channel = await createChannel(db.prisma, t.tenant.id, `${receiver.url}/backoff`);
    // 1 s base, capped at 3 s: the first retry waits 1–2 s, the second 2–3 s, the third 3 s (4–8 s uncapped).
    await worker({ maxAttempts: 4, retry: { retryDelay: 1, retryDelayMax: 3 } });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++)
      ids.push(...(await queueDeliveries(pool, t.tenant.id, t.rule.id, [channel.id], t.payload())));
    // Each failure puts the job back in state "retry" with start_after = now + delay (retry_count
    // counts the attempts before it): watch the rows and take each delay from the moment the
    // failed answer left the receiver.
    const scheduled = new Map<string, Map<number, number>>(ids.map((id) => [id, new Map()]));
    const watching = (async () => {
      while ([...scheduled.values()].some((m) => m.size < 3)) {
        const { rows } = await pool.query<{ id: string; failed: number; startAfter: Date }>(
          `SELECT data->>'deliveryId' AS id, retry_count + 1 AS failed, start_after AS "startAfter" FROM pgboss.job WHERE data->>'deliveryId' = ANY($1) AND state = 'retry'`,
          [ids],
        );
        for (const r of rows)
          if (!scheduled.get(r.id)!.has(r.failed)) scheduled.get(r.id)!.set(r.failed, r.startAfter.getTime());
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    await Promise.all(ids.map((id) => settled(id).toBe("DEAD")));
    await watching;

    const delays = ids.map((id) => {
      const sent = receiver.requests.filter((r) => r.headers["webhook-id"] === id).map((r) => r.at);
      expect(sent).toHaveLength(4);
      return [1, 2, 3].map((failed) => (scheduled.get(id)!.get(failed)! - sent[failed - 1]!) / 1000);
    });
    const SLACK = 0.25; // the answer's trip back and the worker's write
    for (const [first, second, third] of delays) {
      expect(first).toBeGreaterThanOrEqual(1 - 0.05);
      expect(first).toBeLessThanOrEqual(2 + SLACK);
      expect(second).toBeGreaterThanOrEqual(2 - 0.05);
      expect(second).toBeLessThanOrEqual(3 + SLACK);
      expect(third).toBeGreaterThanOrEqual(3 - 0.05);
      expect(third).toBeLessThanOrEqual(3 + SLACK);
    }
    // Jitter: four deliveries failing together are not rescheduled in lockstep.
    const firsts = delays.map((d) => d[0]!);
    expect(Math.max(...firsts) - Math.min(...firsts)).toBeGreaterThan(0.01);
    expect(new Set(firsts.map((d) => d.toFixed(3))).size).toBeGreaterThan(1);
    await receiver.close();
  });

  it("dead-letters a notification after the maximum attempts", async () => {
    const t = await setup();
    const receiver = await startReceiver(() => ({ status: 500, body: "down" }));
    const channel = await createChannel(db.prisma, t.tenant.id, `${receiver.url}/hook`);
    await worker();
    const [id] = await queueDeliveries(pool, t.tenant.id, t.rule.id, [channel.id], t.payload());
    await settled(id!).toBe("DEAD");
    expect((await delivery(id!)).log).toHaveLength(5);
    expect(receiver.requests).toHaveLength(5);
    await receiver.close();
  });

  it("dead-letters a delivery whose last attempt throws rather than getting an answer", async () => {
    const t = await setup();
    // A key that is not valid base64 makes the signer throw on every attempt.
    const channel = await createChannel(
      db.prisma,
      t.tenant.id,
      "http://127.0.0.1:9/never-reached",
      "WEBHOOK",
      "whsec_not base64 !!!",
    );
    await worker({ maxAttempts: 2 });
    const [id] = await queueDeliveries(pool, t.tenant.id, t.rule.id, [channel.id], t.payload());
    await settled(id!).toBe("DEAD");
    const d = await delivery(id!);
    expect(d).toMatchObject({
      attempts: 2,
      responseCode: null,
      error: expect.stringMatching(/^the attempt failed: .*base64/i),
    });
    expect(d.log.map((a) => [a.attempt, a.ok, a.error?.startsWith("the attempt failed")])).toEqual([
      [1, false, true],
      [2, false, true],
    ]);
    // "Send test" on the same channel reports the failure instead of throwing.
    expect(
      await sendTestNotification(
        pool,
        { allowPrivate: true, emailFrom: "x@y.z" },
        channel.id,
        t.tenant.id,
        "http://tollgate.test",
      ),
    ).toMatchObject({
      ok: false,
      responseCode: null,
      error: expect.stringMatching(/^the attempt failed: .*base64/i),
    });
    // DEAD, so the delivery log offers Retry (which works once the key is fixed).
    await db.prisma.notificationChannel.update({
      where: { id: channel.id },
      data: { secret: "whsec_bm90IGJhc2U2NCBidXQgbm93IGl0IGlz" },
    });
    expect(await db.prisma.$transaction((tx) => retryDeadDelivery(prismaRunner(tx), id!, t.tenant.id))).toBe(
      "queued",
    );
  });

  it("logs an answer holding a NUL byte (PostgreSQL text cannot store one) instead of failing to record it", async () => {
    const t = await setup();
    const receiver = await startReceiver(() => ({ status: 500, body: "bad\u0000byte" }));
    const channel = await createChannel(db.prisma, t.tenant.id, `${receiver.url}/nul`);
    await worker({ maxAttempts: 1 });
    const [id] = await queueDeliveries(pool, t.tenant.id, t.rule.id, [channel.id], t.payload());
    await settled(id!).toBe("DEAD");
    expect(await delivery(id!)).toMatchObject({
      responseCode: 500,
      responseBody: "badbyte",
      error: "HTTP 500",
      log: [expect.objectContaining({ attempt: 1, responseBody: "badbyte" })],
    });
    await receiver.close();
  });

  it("never writes a channel secret or the SMTP password to the logs, the attempt rows or the job table", async () => {
    const t = await setup();
    const lines: string[] = [];
    const consoleLines: string[] = [];
    const capture = (...args: unknown[]) => void consoleLines.push(args.map(String).join(" "));
    const spies = (["log", "error", "warn", "info"] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation(capture),
    );
    try {
      // A receiver that quotes the secret back in its error (debug output of a failed verification),
      // a key that makes the signer throw, and an SMTP server that echoes the password it refused.
      let hookSecret = "";
      const receiver = await startReceiver(() => ({
        status: 401,
        body: `signature does not verify with ${hookSecret}`,
      }));
      const hook = await createChannel(db.prisma, t.tenant.id, `${receiver.url}/hook`);
      hookSecret = hook.secret!;
      const badKey = "whsec_this-key-is-not-base64!";
      const broken = await createChannel(db.prisma, t.tenant.id, `${receiver.url}/broken`, "WEBHOOK", badKey);
      const smtpPassword = "smtp-pa55word-do-not-log";
      const smtp = new SMTPServer({
        disabledCommands: ["STARTTLS"],
        allowInsecureAuth: true,
        onAuth: (auth, _session, callback) => callback(new Error(`Invalid password ${auth.password}`)),
      });
      await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
      const port = (smtp.server.address() as { port: number }).port;
      const mail = await createChannel(db.prisma, t.tenant.id, "ops@tenant.test", "EMAIL", null);
      await worker({
        maxAttempts: 2,
        log: (l) => lines.push(l),
        send: {
          allowPrivate: true,
          smtpUrl: `smtp://alerts:${smtpPassword}@127.0.0.1:${port}`,
          emailFrom: "alerts@tollgate.test",
        },
      });
      const ids = await queueDeliveries(
        pool,
        t.tenant.id,
        t.rule.id,
        [hook.id, broken.id, mail.id],
        t.payload(),
      );
      await Promise.all(ids.map((id) => settled(id).toBe("DEAD")));
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await receiver.close();

      const deliveries = await Promise.all(ids.map(delivery));
      // The failures really happened and were described (so the redaction had something to hide).
      expect(deliveries.map((d) => d.log.length)).toEqual([2, 2, 2]);
      expect(deliveries[0]!.responseBody).toBe("signature does not verify with [redacted]");
      expect(deliveries[2]!.error).toContain("Invalid password [redacted]");
      expect(lines.some((l) => l.includes(broken.id) || l.includes(ids[1]!))).toBe(true);
      const { rows: jobs } = await pool.query<{ output: string }>(
        `SELECT coalesce(output::text, '') AS output FROM pgboss.job WHERE data->>'deliveryId' = ANY($1)`,
        [ids],
      );
      expect(jobs.length).toBeGreaterThanOrEqual(3);
      const stored = [
        ...deliveries.flatMap((d) => [
          d.responseBody,
          d.error,
          ...d.log.flatMap((a) => [a.responseBody, a.error]),
        ]),
        ...jobs.map((j) => j.output),
        ...lines,
        ...consoleLines,
      ]
        .filter((x): x is string => x !== null)
        .join("\n");
      for (const secret of [hookSecret, hookSecret.replace(/^whsec_/, ""), badKey, smtpPassword])
        expect(stored).not.toContain(secret);
    } finally {
      for (const s of spies) s.mockRestore();
    }
  });

  it("posts a Slack message and PagerDuty trigger and resolve events with one dedup key per rule", async () => {
    const t = await setup();
    const receiver = await startReceiver(() => ({ status: 202, body: '{"status":"success"}' }));
    const slack = await createChannel(db.prisma, t.tenant.id, `${receiver.url}/slack`, "SLACK");
    const pd = await createChannel(
      db.prisma,
      t.tenant.id,
      `${receiver.url}/pd`,
      "PAGERDUTY",
      "routing-key-123",
    );
    await worker();
    const firing = await queueDeliveries(pool, t.tenant.id, t.rule.id, [slack.id, pd.id], t.payload());
    await Promise.all(firing.map((id) => settled(id).toBe("SUCCEEDED")));
    const resolved = samplePayload(
      { id: t.tenant.id, name: t.tenant.name, slug: t.tenant.slug },
      t.rule.id,
      "alert.resolved",
    );
    const [pdResolve] = await queueDeliveries(pool, t.tenant.id, t.rule.id, [pd.id], resolved);
    await settled(pdResolve!).toBe("SUCCEEDED");

    const slackBody = JSON.parse(receiver.requests.find((r) => r.path === "/slack")!.body);
    expect(slackBody.text).toContain(t.tenant.name);
    expect(slackBody.text).toContain("$8.50");
    expect(slackBody.text).toContain("http://tollgate.test/app/alerts");
    const pdBodies = receiver.requests.filter((r) => r.path === "/pd").map((r) => JSON.parse(r.body));
    expect(pdBodies.map((b) => [b.event_action, b.routing_key])).toEqual([
      ["trigger", "routing-key-123"],
      ["resolve", "routing-key-123"],
    ]);
    expect(pdBodies[0].dedup_key).toBe(pdBodies[1].dedup_key);
    expect(pdBodies[0].payload).toMatchObject({ source: "tollgate", severity: "warning" });
    await receiver.close();
  });

  it("sends email through SMTP", async () => {
    const t = await setup();
    const received: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["AUTH", "STARTTLS"],
      onData(stream, _session, callback) {
        let text = "";
        stream.on("data", (c: Buffer) => (text += c.toString()));
        stream.on("end", () => {
          received.push(text);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    const port = (smtp.server.address() as { port: number }).port;
    const channel = await createChannel(db.prisma, t.tenant.id, "ops@tenant.test", "EMAIL", null);
    await worker({
      send: {
        allowPrivate: true,
        smtpUrl: `smtp://127.0.0.1:${port}`,
        emailFrom: "Tollgate <alerts@tollgate.test>",
      },
    });
    const [id] = await queueDeliveries(pool, t.tenant.id, t.rule.id, [channel.id], t.payload());
    await settled(id!).toBe("SUCCEEDED");
    expect(received).toHaveLength(1);
    expect(received[0]).toMatch(/^To: ops@tenant\.test/m);
    expect(received[0]).toMatch(/^Subject: \[Tollgate\] Firing: Low balance - w\d+$/m);
    expect(received[0]).toContain("$8.50");
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it("delivers each of 200 queued notifications exactly once with two workers running", async () => {
    const t = await setup();
    const receiver = await startReceiver(() => ({ status: 200 }));
    const channel = await createChannel(db.prisma, t.tenant.id, `${receiver.url}/many`);
    const ids: string[] = [];
    for (let i = 0; i < 200; i++)
      ids.push(...(await queueDeliveries(pool, t.tenant.id, t.rule.id, [channel.id], t.payload())));
    await Promise.all([worker({ concurrency: 4 }), worker({ concurrency: 4 })]);
    await expect
      .poll(
        async () => db.prisma.notificationDelivery.count({ where: { id: { in: ids }, status: "SUCCEEDED" } }),
        { timeout: 60_000, interval: 250 },
      )
      .toBe(200);
    const seen = receiver.requests.map((r) => r.headers["webhook-id"]);
    expect(seen).toHaveLength(200);
    expect(new Set(seen).size).toBe(200);
    await receiver.close();
  });

  it("loses no notification when a worker is killed mid-delivery", async () => {
    const t = await setup();
    const receiver = await startReceiver((_r, i) => ({ status: 200, delayMs: i === 0 ? 3_000 : 0 }));
    const channel = await createChannel(db.prisma, t.tenant.id, `${receiver.url}/crash`);
    const child = spawn(process.execPath, ["--import", "tsx", "test/worker-main.ts"], {
      env: { ...process.env, DATABASE_URL: db.url },
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve) =>
      child.stdout.on("data", (d: Buffer) => d.toString().includes("worker ready") && resolve()),
    );
    const [id] = await queueDeliveries(pool, t.tenant.id, t.rule.id, [channel.id], t.payload());
    await expect.poll(() => receiver.requests.length, { timeout: 15_000, interval: 50 }).toBe(1);
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGKILL");
    });
    expect((await delivery(id!)).status).toBe("PENDING");
    await worker({ expireInSeconds: 2, superviseIntervalSeconds: 1 });
    await settled(id!).toBe("SUCCEEDED");
    // The retry carries the same webhook-id: a receiver that got both de-duplicates them.
    expect(new Set(receiver.requests.map((r) => r.headers["webhook-id"]))).toEqual(new Set([id]));
    await receiver.close();
  });

  it("retries a dead-lettered delivery by hand, and sends a test notification at once", async () => {
    const t = await setup();
    let up = false;
    const receiver = await startReceiver(() => ({ status: up ? 200 : 500 }));
    const channel = await createChannel(db.prisma, t.tenant.id, `${receiver.url}/manual`);
    await worker({ maxAttempts: 2 });
    const [id] = await queueDeliveries(pool, t.tenant.id, t.rule.id, [channel.id], t.payload());
    await settled(id!).toBe("DEAD");
    up = true;
    const other = await createTenantWithKey(db.prisma, { slug: `w${++n}`, available: 0n });
    expect(
      await db.prisma.$transaction((tx) => retryDeadDelivery(prismaRunner(tx), id!, other.tenant.id)),
    ).toBe("not_found");
    expect(await db.prisma.$transaction((tx) => retryDeadDelivery(prismaRunner(tx), id!, t.tenant.id))).toBe(
      "queued",
    );
    await settled(id!).toBe("SUCCEEDED");
    expect((await delivery(id!)).log.map((a) => [a.attempt, a.ok])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);

    const result = await sendTestNotification(
      pool,
      { allowPrivate: true, emailFrom: "x@y.z" },
      channel.id,
      t.tenant.id,
      "http://tollgate.test",
    );
    expect(result).toMatchObject({ ok: true, responseCode: 200 });
    expect(
      await sendTestNotification(
        pool,
        { allowPrivate: true, emailFrom: "x@y.z" },
        channel.id,
        other.tenant.id,
        "http://tollgate.test",
      ),
    ).toBeNull();
    expect(JSON.parse(receiver.requests.at(-1)!.body)).toMatchObject({ rule: { name: "Test notification" } });
    await receiver.close();
  });
});
