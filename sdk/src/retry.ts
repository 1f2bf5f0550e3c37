// Retrying an authorize that was refused for now. Only a refusal that says the very same request may
// pass later (`retryable`, and every 429) is retried, after the wait it names: `Retry-After`, else
// until `resetsAt`, plus jitter so that callers refused together do not return together. A wait
// longer than maxWaitMs is not taken at all: the refusal is thrown at once, since a retry sooner
// than the server said would only be refused again. Every other refusal is thrown at once.
import { TollgateRefusal } from "./errors.js";

export type RetryPolicy = {
  /** Retries after the first attempt (default 2; 0 never retries). */
  maxRetries?: number;
  /** The longest single wait the client accepts, before jitter (default 5,000 ms). */
  maxWaitMs?: number;
  /** Up to this much is added at random to each wait (default 250 ms). */
  jitterMs?: number;
  /** How to wait (default setTimeout); tests pass their own. */
  sleep?: (ms: number) => Promise<void>;
  /** The clock for `resetsAt` (default Date.now). */
  now?: () => number;
  random?: () => number;
};

export const DEFAULT_RETRY = { maxRetries: 2, maxWaitMs: 5_000, jitterMs: 250 } as const;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** How long to wait before the same request may pass, or null when it should not be retried. */
export function retryDelay(refusal: TollgateRefusal, nowMs: number): number | null {
  if (!refusal.retryable && refusal.status !== 429) return null;
  if (refusal.retryAfter !== null) return refusal.retryAfter * 1000;
  if (refusal.resetsAt) return Math.max(0, refusal.resetsAt.getTime() - nowMs);
  return null;
}

export async function withRetries<T>(attempt: () => Promise<T>, policy: RetryPolicy = {}): Promise<T> {
  const maxRetries = policy.maxRetries ?? DEFAULT_RETRY.maxRetries;
  const maxWaitMs = policy.maxWaitMs ?? DEFAULT_RETRY.maxWaitMs;
  const jitterMs = policy.jitterMs ?? DEFAULT_RETRY.jitterMs;
  const sleep = policy.sleep ?? realSleep;
  const now = policy.now ?? Date.now;
  const random = policy.random ?? Math.random;
  for (let retries = 0; ; retries++) {
    try {
      return await attempt();
    } catch (e) {
      if (!(e instanceof TollgateRefusal) || retries >= maxRetries) throw e;
      const wait = retryDelay(e, now());
      if (wait === null || wait > maxWaitMs) throw e;
      await sleep(wait + Math.floor(random() * jitterMs));
    }
  }
}
