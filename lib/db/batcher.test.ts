import { describe, expect, it } from "vitest";

import { Batcher } from "@/lib/db/batcher";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("Batcher", () => {
  it("runs a lone item at once and groups what arrives while batches are in flight, in order", async () => {
    const batches: number[][] = [];
    let live = 0;
    let maxLive = 0;
    const b = new Batcher(
      async (items: number[]) => {
        batches.push(items);
        maxLive = Math.max(maxLive, ++live);
        await tick();
        live -= 1;
        return items.map((i) => i * 10);
      },
      { maxInFlight: 2, maxBatch: 3 },
    );
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => b.submit(i)));
    expect(answers).toEqual([0, 10, 20, 30, 40, 50, 60, 70]);
    expect(batches).toEqual([[0], [1], [2, 3, 4], [5, 6, 7]]);
    expect(maxLive).toBe(2);
  });

  it("rejects only the items of a batch that failed, and keeps serving", async () => {
    const b = new Batcher(async (items: number[]) => {
      await tick();
      if (items.includes(1)) throw new Error("boom");
      return items;
    });
    const results = await Promise.allSettled([b.submit(0), b.submit(1), b.submit(2)]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "rejected"]);
    expect(await b.submit(3)).toBe(3);
  });
});
