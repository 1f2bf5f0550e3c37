// The same sliding window in Redis, shared by every instance: one Lua script reads both
// counters and counts the request atomically, so concurrent instances cannot overshoot.
import type Redis from "ioredis";

import { verdict, WINDOW_MS, type RateLimiter, type RateLimitState } from "@/lib/ratelimit/sliding-window";

const SCRIPT = `
local previous = tonumber(redis.call('GET', KEYS[1]) or '0')
local current = tonumber(redis.call('GET', KEYS[2]) or '0')
local weighted = previous * tonumber(ARGV[2]) + current
if weighted + 1 > tonumber(ARGV[1]) then
  return {1, previous, current}
end
current = redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
return {0, previous, current - 1}
`;

type WithScript = Redis & {
  tollgateSlidingWindow(
    previousKey: string,
    currentKey: string,
    limit: number,
    overlap: number,
    ttlMs: number,
  ): Promise<[number, number, number]>;
};

export class RedisRateLimiter implements RateLimiter {
  private readonly redis: WithScript;

  constructor(
    redis: Redis,
    private readonly prefix = "tollgate:rl",
  ) {
    // defineCommand sends EVALSHA (the script's hash, not its text) and loads the script once if
    // Redis does not know it yet (after a restart, for instance).
    if (!("tollgateSlidingWindow" in redis))
      redis.defineCommand("tollgateSlidingWindow", { numberOfKeys: 2, lua: SCRIPT });
    this.redis = redis as WithScript;
  }

  async hit(key: string, limit: number, now: Date): Promise<RateLimitState> {
    const window = Math.floor(now.getTime() / WINDOW_MS);
    const overlap = 1 - (now.getTime() - window * WINDOW_MS) / WINDOW_MS;
    const [, previous, current] = await this.redis.tollgateSlidingWindow(
      `${this.prefix}:${key}:${window - 1}`,
      `${this.prefix}:${key}:${window}`,
      limit,
      overlap,
      WINDOW_MS * 2,
    );
    const state = verdict(previous, current, limit, now);
    return {
      limit: state.limit,
      remaining: state.remaining,
      resetsAt: state.resetsAt,
      limited: state.limited,
    };
  }
}
