// The decision API's limiter when Redis goes away and comes back: a real redis-server that the
// test starts, stops and starts again on a port of its own.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import Redis from "ioredis";
import { afterAll, describe, expect, it } from "vitest";

import { redisLimiter } from "@/lib/authorize/runtime";
import { freePort } from "@/lib/db/embedded";

const hasRedis = spawnSync("redis-server", ["--version"]).status === 0;

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  const probe = new Redis({
    port,
    host: "127.0.0.1",
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on("error", () => undefined);
  for (let i = 0; i < 100; i++) {
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error("redis-server did not start");
}
const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });

describe.skipIf(!hasRedis)("rate limiting while Redis is down", () => {
  let redis: ChildProcess | undefined;
  afterAll(async () => {
    if (redis && redis.exitCode === null) await stop(redis);
  });

  it("uses the shared counters, limits per instance while they are unreachable, and returns to them", async () => {
    const port = await freePort();
    redis = await startRedis(port);
    const log: string[] = [];
    const limiter = redisLimiter(`redis://127.0.0.1:${port}`, (l) => log.push(l));
    const now = new Date("2026-12-01T10:00:05Z");

    const shared = await Promise.all([0, 1, 2].map(() => limiter.hit("tenant-a", 3, now)));
    expect(shared.map((s) => s.limited)).toEqual([false, false, false]);
    expect((await limiter.hit("tenant-a", 3, now)).limited).toBe(true);
    expect(limiter.isDegraded).toBe(false);

    await stop(redis);
    // Redis is gone: answers come at once from this instance's own window, which starts empty.
    const started = Date.now();
    const local = [];
    for (let i = 0; i < 4; i++) local.push(await limiter.hit("tenant-a", 3, now));
    expect(Date.now() - started).toBeLessThan(10_000); // a liveness bound, not a timing target: no hang
    expect(local.map((s) => s.limited)).toEqual([false, false, false, true]);
    expect(limiter.isDegraded).toBe(true);
    expect(log.filter((l) => l.includes("unreachable"))).toHaveLength(1);

    redis = await startRedis(port);
    // The client reconnects on its own; the shared window is fresh (the old server kept nothing).
    await expect
      .poll(async () => (await limiter.hit("tenant-b", 100, now), limiter.isDegraded), {
        timeout: 15_000,
        interval: 200,
      })
      .toBe(false);
    expect(log.at(-1)).toContain("answer again");
  });
});
