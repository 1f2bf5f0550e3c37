import { describe, expect, it } from "vitest";

import { TtlCache } from "@/lib/cache/ttl-cache";

describe("TtlCache", () => {
  it("keeps a loaded value for its TTL and loads again after it", async () => {
    const cache = new TtlCache<number>(1_000);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.getOrLoad("k", load)).toBe(1);
    expect(await cache.getOrLoad("k", load)).toBe(1);
    expect(cache.get("k", Date.now() + 1_001)).toBeUndefined();
    expect(await cache.getOrLoad("k", load)).toBe(2);
  });

  it("does not keep a value whose load straddled a clear(): it may predate the write that cleared", async () => {
    const cache = new TtlCache<string>(60_000);
    let release!: () => void;
    const slow = cache.getOrLoad("k", () => new Promise<string>((r) => (release = () => r("stale"))));
    cache.clear(); // a write commits while the load is in flight
    release();
    expect(await slow).toBe("stale"); // its caller still gets an answer
    expect(await cache.getOrLoad("k", async () => "fresh")).toBe("fresh");
  });
});
