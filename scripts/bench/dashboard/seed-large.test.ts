import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createPool } from "@/lib/db/pool";
import { pages, percentile } from "@/scripts/bench/dashboard/bench-dashboard";
import { seedLarge } from "@/scripts/bench/dashboard/seed-large";
import { createTestDatabase, type TestDatabase } from "@/test/db";

let db: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  db = await createTestDatabase("seed_large");
  pool = createPool(db.url, 4);
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

describe("seedLarge (small run)", () => {
  it("loads events, rollups that add up to them, quota rows and balances; refuses a second run; the bench pages load", async () => {
    const now = new Date("2026-03-15T12:00:00Z");
    await seedLarge(pool, { tenants: 6, events: 3_000, batch: 1_000, now, log: () => undefined });
    const {
      rows: [c],
    } = await pool.query<{
      events: number;
      requests: number;
      cost: bigint;
      rollup_cost: bigint;
      quotas: number;
      balances: number;
    }>(
      `SELECT (SELECT count(*)::int FROM "UsageEvent") AS events, (SELECT sum(requests)::int FROM "UsageRollup") AS requests,
              (SELECT sum(cost)::bigint FROM "UsageEvent") AS cost, (SELECT sum(cost)::bigint FROM "UsageRollup") AS rollup_cost,
              (SELECT count(*)::int FROM "QuotaUsage") AS quotas, (SELECT count(*)::int FROM "CreditBalance") AS balances`,
    );
    expect(c).toMatchObject({ events: 3_000, requests: 3_000, quotas: 6, balances: 6 });
    expect(c!.rollup_cost).toBe(c!.cost);
    // Skewed: the first tenant is the busiest.
    const {
      rows: [busy],
    } = await pool.query<{ id: string }>(
      `SELECT "tenantId" AS id FROM "UsageEvent" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    );
    expect(busy!.id).toBe("tnt_large_0");
    await expect(
      seedLarge(pool, { tenants: 6, events: 10, batch: 10, now, log: () => undefined }),
    ).rejects.toThrow(/already has 6/);
    for (const load of Object.values(pages(db.prisma, pool, "tnt_large_0"))) await load();
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
  });
});
