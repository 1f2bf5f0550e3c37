import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { afterAll, describe, expect, it } from "vitest";

import { RedisRateLimiter } from "@/lib/ratelimit/redis-limiter";
import { InProcessRateLimiter, type RateLimiter } from "@/lib/ratelimit/sliding-window";
import { redisUrl } from "@/test/db";

const T0 = new Date("2026-11-25T12:00:00.000Z"); // the start of a window
const at = (ms: number) => new Date(T0.getTime() + ms);

function behavesAsASlidingWindow(make: () => RateLimiter) {
  it("lets `limit` requests through in a window and refuses the next, with the reset time", async () => {
    const limiter = make();
    const key = randomUUID();
    const states = [];
    for (let i = 0; i < 6; i++) states.push(await limiter.hit(key, 5, at(1_000 + i)));
    expect(states.map((s) => s.limited)).toEqual([false, false, false, false, false, true]);
    expect(states.map((s) => s.remaining)).toEqual([4, 3, 2, 1, 0, 0]);
    expect(states[5]!.resetsAt).toEqual(at(60_000));
  });

  it("weights the previous minute by how much of it still overlaps", async () => {
    const limiter = make();
    const key = randomUUID();
    for (let i = 0; i < 10; i++) await limiter.hit(key, 10, at(50_000 + i));
    // 30 s into the next minute, half of the previous 10 still count: 5 more fit, not 10.
    const next = [];
    for (let i = 0; i < 6; i++) next.push(await limiter.hit(key, 10, at(90_000 + i)));
    expect(next.map((s) => s.limited)).toEqual([false, false, false, false, false, true]);
    // Two minutes later the slate is clean.
    expect((await limiter.hit(key, 10, at(240_000))).remaining).toBe(9);
  });

  it("keeps keys apart", async () => {
    const limiter = make();
    await limiter.hit("a-" + T0.getTime(), 1, at(0));
    expect((await limiter.hit("a-" + T0.getTime(), 1, at(1))).limited).toBe(true);
    expect((await limiter.hit("b-" + T0.getTime(), 1, at(1))).limited).toBe(false);
  });
}

describe("in-process sliding window", () => behavesAsASlidingWindow(() => new InProcessRateLimiter()));

const url = redisUrl();
describe.skipIf(!url)("Redis sliding window", () => {
  const redis = url ? new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 1 }) : undefined;
  afterAll(() => redis?.quit());
  behavesAsASlidingWindow(() => new RedisRateLimiter(redis!, `test:${randomUUID()}`));

  it("never lets more than the limit through from many concurrent callers", async () => {
    const limiters = Array.from({ length: 4 }, () => new RedisRateLimiter(redis!, "test:shared"));
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => limiters[i % 4]!.hit(key, 50, at(5_000))),
    );
    expect(results.filter((r) => !r.limited)).toHaveLength(50);
  });
});
