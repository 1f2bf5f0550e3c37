// Sliding-window rate limiting (the weighted two-window counter): the count is this minute's
// requests plus last minute's, weighted by how much of last minute still overlaps the window.
// One request is counted only when it is let through, so a client hammering while limited does
// not push its own reset further away.
export type RateLimitState = { limit: number; remaining: number; resetsAt: Date; limited: boolean };

export interface RateLimiter {
  hit(key: string, limit: number, now: Date): Promise<RateLimitState>;
}

export const WINDOW_MS = 60_000;

/** The verdict from the two counters; shared by the in-process and the Redis limiter. */
export function verdict(
  previous: number,
  current: number,
  limit: number,
  now: Date,
): RateLimitState & { weighted: number } {
  const windowStart = Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS;
  const overlap = 1 - (now.getTime() - windowStart) / WINDOW_MS;
  const weighted = previous * overlap + current;
  const limited = weighted + 1 > limit;
  const remaining = Math.max(0, Math.floor(limit - weighted - (limited ? 0 : 1)));
  return { limit, remaining, limited, weighted, resetsAt: new Date(windowStart + WINDOW_MS) };
}

/** Single-instance only: counts live in this process's memory. */
export class InProcessRateLimiter implements RateLimiter {
  private counts = new Map<string, { window: number; current: number; previous: number }>();

  async hit(key: string, limit: number, now: Date): Promise<RateLimitState> {
    const window = Math.floor(now.getTime() / WINDOW_MS);
    let entry = this.counts.get(key);
    if (!entry || entry.window < window - 1) entry = { window, current: 0, previous: 0 };
    else if (entry.window === window - 1) entry = { window, current: 0, previous: entry.current };
    this.counts.set(key, entry);
    const state = verdict(entry.previous, entry.current, limit, now);
    if (!state.limited) entry.current += 1;
    if (this.counts.size > 100_000) this.sweep(window);
    return {
      limit: state.limit,
      remaining: state.remaining,
      resetsAt: state.resetsAt,
      limited: state.limited,
    };
  }

  private sweep(window: number) {
    for (const [key, entry] of this.counts) if (entry.window < window - 1) this.counts.delete(key);
  }
}
