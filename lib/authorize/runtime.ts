// The process-wide dependencies of the decision API, built once: Redis limiter when REDIS_URL is
// set (shared by every instance, with the in-process one standing in while Redis is unreachable),
// otherwise an in-process one (single instance only). The caches (key contexts, recent answers)
// are part of these deps, so a test can build its own rather than wait for the process's to expire.
import Redis from "ioredis";

import { AuthorizeMemory, type AuthorizeDeps } from "@/lib/authorize/authorize";
import { DecisionRecorder } from "@/lib/authorize/recorder";
import { prisma } from "@/lib/db";
import { pool } from "@/lib/db/pool";
import { appUrl, env } from "@/lib/env";
import { processContextCache } from "@/lib/keys/key-context";
import { FallbackRateLimiter } from "@/lib/ratelimit/fallback-limiter";
import { RedisRateLimiter } from "@/lib/ratelimit/redis-limiter";
import { InProcessRateLimiter } from "@/lib/ratelimit/sliding-window";

/** A Redis call answers within 250 ms or the local limiter answers instead (see FallbackRateLimiter). */
export function redisLimiter(url: string, log?: (line: string) => void): FallbackRateLimiter {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 250, connectTimeout: 2_000 });
  redis.on("error", () => undefined); // reported once by the limiter, not on every reconnect attempt
  return new FallbackRateLimiter(new RedisRateLimiter(redis), new InProcessRateLimiter(), log);
}

const globalForRuntime = globalThis as unknown as { tollgateDecisionDeps?: AuthorizeDeps };

export function decisionDeps(): AuthorizeDeps {
  if (!globalForRuntime.tollgateDecisionDeps) {
    const e = env();
    globalForRuntime.tollgateDecisionDeps = {
      prisma,
      pool: pool(),
      limiter: e.REDIS_URL ? redisLimiter(e.REDIS_URL) : new InProcessRateLimiter(),
      recorder: new DecisionRecorder(pool, { maxDelayMs: 100, maxBatch: 500, appUrl: appUrl() }),
      contexts: processContextCache(),
      memory: new AuthorizeMemory(),
      appUrl: appUrl(),
      reservationTtlMs: e.RESERVATION_TTL_SECONDS * 1000,
    };
  }
  return globalForRuntime.tollgateDecisionDeps;
}
