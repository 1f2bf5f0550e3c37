// The process-wide dependencies of the decision API, built once: Redis limiter when REDIS_URL is
// set (shared by every instance), otherwise an in-process one (single instance only).
import Redis from "ioredis";
import { prisma } from "@/lib/db";
import { pool } from "@/lib/db/pool";
import { appUrl, env } from "@/lib/env";
import type { AuthorizeDeps } from "@/lib/decisions/authorize";
import { DecisionRecorder } from "@/lib/decisions/recorder";
import { RedisRateLimiter } from "@/lib/ratelimit/redis-limiter";
import { InProcessRateLimiter } from "@/lib/ratelimit/sliding-window";

const globalForRuntime = globalThis as unknown as { tollgateDecisionDeps?: AuthorizeDeps };

export function decisionDeps(): AuthorizeDeps {
  if (!globalForRuntime.tollgateDecisionDeps) {
    const e = env();
    globalForRuntime.tollgateDecisionDeps = {
      prisma,
      pool: pool(),
      limiter: e.REDIS_URL ? new RedisRateLimiter(new Redis(e.REDIS_URL, { maxRetriesPerRequest: 2 })) : new InProcessRateLimiter(),
      recorder: new DecisionRecorder(pool, { maxDelayMs: 100, maxBatch: 500, appUrl: appUrl() }),
      appUrl: appUrl(),
      reservationTtlMs: e.RESERVATION_TTL_SECONDS * 1000,
    };
  }
  return globalForRuntime.tollgateDecisionDeps;
}
