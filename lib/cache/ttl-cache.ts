// A small in-process cache with a time-to-live. Used for key, plan and tenant lookups on the
// decision path: a change (a revoked key, a Stripe status) takes effect within `ttlMs`.
export class TtlCache<V> {
  private entries = new Map<string, { value: V; expires: number }>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 50_000,
  ) {}

  get(key: string, now = Date.now()): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expires <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.value;
  }

  set(key: string, value: V, now = Date.now()): void {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, expires: now + this.ttlMs });
  }

  async getOrLoad(key: string, load: () => Promise<V>): Promise<V> {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const generation = this.generation;
    const value = await load();
    // A clear() while loading means a write committed meanwhile, which this value may predate:
    // it answers this caller but is not kept, or the write would stay unseen for a whole TTL.
    if (generation === this.generation) this.set(key, value);
    return value;
  }

  clear(): void {
    this.entries.clear();
    this.generation++;
  }
}
