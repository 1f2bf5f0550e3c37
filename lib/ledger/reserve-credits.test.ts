import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createPool } from "@/lib/db/pool";
import { reserveCredits } from "@/lib/ledger/reserve-credits";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { createTenantWithKey } from "@/test/fixtures";

const COST = 450n;

describe("reserveCredits under real concurrency", () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    db = await createTestDatabase("reserve");
    pool = createPool(db.url, 20);
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  const input = (tenantId: string, apiKeyId: string, requestId: string) => {
    const now = new Date();
    return {
      tenantId,
      apiKeyId,
      requestId,
      model: "gpt-4o-mini",
      amount: COST,
      now,
      expiresAt: new Date(now.getTime() + 600_000),
    };
  };

  it("gives 500 racers on a balance worth exactly 137 calls exactly 137 reservations", async () => {
    const { tenant, apiKey } = await createTenantWithKey(db.prisma, {
      slug: "racers",
      available: COST * 137n,
    });
    const results = await Promise.all(
      Array.from({ length: 500 }, (_, i) => reserveCredits(pool, input(tenant.id, apiKey.id, `race-${i}`))),
    );
    const reserved = results.filter((r) => r.outcome === "reserved");
    expect(reserved).toHaveLength(137);
    expect(results.filter((r) => r.outcome === "insufficient")).toHaveLength(363);

    const balance = await db.prisma.creditBalance.findUniqueOrThrow({ where: { tenantId: tenant.id } });
    expect(balance).toMatchObject({ available: 0n, reserved: COST * 137n });
    const held = await db.prisma.reservation.aggregate({
      where: { tenantId: tenant.id, status: "HELD" },
      _sum: { amount: true },
      _count: true,
    });
    expect(held).toMatchObject({ _count: 137, _sum: { amount: COST * 137n } });
    const ledger = await db.prisma.creditLedgerEntry.aggregate({
      where: { tenantId: tenant.id },
      _sum: { amount: true },
      _min: { balanceAfter: true },
    });
    // Starting balance (not in the ledger here) minus the ledger's reservations is what is left.
    expect(COST * 137n + (ledger._sum.amount ?? 0n)).toBe(balance.available);
    expect(ledger._min.balanceAfter).toBe(0n);
  });

  it("reserves once when the same requestId arrives 10 times at once", async () => {
    const { tenant, apiKey } = await createTenantWithKey(db.prisma, { slug: "dupes", available: 1_000_000n });
    const results = await Promise.all(
      Array.from({ length: 10 }, () => reserveCredits(pool, input(tenant.id, apiKey.id, "same-request"))),
    );
    expect(results.filter((r) => r.outcome === "reserved")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "duplicate")).toHaveLength(9);
    const ids = new Set(results.map((r) => ("reservation" in r ? r.reservation.id : null)));
    expect(ids.size).toBe(1);
    expect(await db.prisma.creditBalance.findUniqueOrThrow({ where: { tenantId: tenant.id } })).toMatchObject(
      { available: 1_000_000n - COST, reserved: COST },
    );
    expect(await db.prisma.creditLedgerEntry.count({ where: { tenantId: tenant.id } })).toBe(1);
  });

  it("stores times as UTC whatever the process time zone", async () => {
    const { tenant, apiKey } = await createTenantWithKey(db.prisma, { slug: "clock", available: 1_000_000n });
    const args = input(tenant.id, apiKey.id, "clock-1");
    await reserveCredits(pool, args);
    const row = await db.prisma.reservation.findFirstOrThrow({ where: { tenantId: tenant.id } });
    expect(row.expiresAt.toISOString()).toBe(args.expiresAt.toISOString());
    expect(row.createdAt.toISOString()).toBe(args.now.toISOString());
  });

  it("judges a batch spanning tenants in arrival order, each against its own balance", async () => {
    const a = await createTenantWithKey(db.prisma, { slug: "batch-a", available: COST * 3n });
    const b = await createTenantWithKey(db.prisma, { slug: "batch-b", available: COST });
    const calls = Array.from({ length: 12 }, (_, i) => (i % 2 ? b : a)).map((t, i) =>
      reserveCredits(pool, input(t.tenant.id, t.apiKey.id, `mix-${i}`)),
    );
    const results = await Promise.all(calls);
    const won = (t: typeof a) =>
      results.filter((r, i) => r.outcome === "reserved" && (i % 2 ? b : a) === t).length;
    expect([won(a), won(b)]).toEqual([3, 1]);
    // Arrival order: the first three of tenant A's calls win.
    expect(results.filter((_, i) => i % 2 === 0).map((r) => r.outcome)).toEqual([
      "reserved",
      "reserved",
      "reserved",
      "insufficient",
      "insufficient",
      "insufficient",
    ]);
    expect(
      await db.prisma.reservation.count({ where: { tenantId: { in: [a.tenant.id, b.tenant.id] } } }),
    ).toBe(4);
  });

  it("answers a duplicate of a request that lost the race for credits as insufficient too", async () => {
    const { tenant, apiKey } = await createTenantWithKey(db.prisma, {
      slug: "dupe-poor",
      available: COST - 1n,
    });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => reserveCredits(pool, input(tenant.id, apiKey.id, "poor"))),
    );
    expect(results.map((r) => r.outcome)).toEqual(Array(5).fill("insufficient"));
    expect(await db.prisma.reservation.count({ where: { tenantId: tenant.id } })).toBe(0);
    // Once topped up, the same requestId can still be reserved.
    await db.prisma.creditBalance.update({ where: { tenantId: tenant.id }, data: { available: COST } });
    expect((await reserveCredits(pool, input(tenant.id, apiKey.id, "poor"))).outcome).toBe("reserved");
  });
});
