// Rate limiting must not take the decision API down with it: while the shared limiter (Redis)
// cannot answer, each instance limits on its own counters and says so once in the log, then goes
// back to the shared counters as soon as they answer again. During an outage a tenant may get up
// to its limit per instance rather than per fleet; every other check, the balance above all, is
// unaffected.
import type { RateLimiter, RateLimitState } from "@/lib/ratelimit/sliding-window";

export class FallbackRateLimiter implements RateLimiter {
  private degraded = false;
  private lastProbe = 0;

  /** While degraded, the shared limiter is tried again at most once per `probeEveryMs`; other calls go local at once. */
  constructor(
    private readonly shared: RateLimiter,
    private readonly local: RateLimiter,
    private readonly log: (line: string) => void = console.warn,
    private readonly probeEveryMs = 1_000,
  ) {}

  get isDegraded(): boolean {
    return this.degraded;
  }

  async hit(key: string, limit: number, now: Date): Promise<RateLimitState> {
    if (this.degraded && Date.now() - this.lastProbe < this.probeEveryMs)
      return this.local.hit(key, limit, now);
    this.lastProbe = Date.now();
    try {
      const state = await this.shared.hit(key, limit, now);
      if (this.degraded) {
        this.degraded = false;
        this.log("rate limiter: shared counters answer again");
      }
      return state;
    } catch (e) {
      if (!this.degraded) {
        this.degraded = true;
        this.log(
          `rate limiter: shared counters unreachable (${(e as Error).message}); limiting per instance until they answer`,
        );
      }
      return this.local.hit(key, limit, now);
    }
  }
}
