import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createPool } from "@/lib/db/pool";
import { releaseExpiredReservations } from "@/lib/ledger/release-expired";
import { reserveCredits } from "@/lib/ledger/reserve-credits";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { createTenantWithKey } from "@/test/fixtures";

describe("releaseExpiredReservations", () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    db = await createTestDatabase("expire");
    pool = createPool(db.url, 5);
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it("gives back expired holds once, leaves live ones, and keeps the ledger equal to the balance", async () => {
    const { tenant, apiKey } = await createTenantWithKey(db.prisma, { slug: "expiry", available: 10_000n });
    const now = new Date("2026-11-25T12:00:00Z");
    const hold = (requestId: string, ttlMs: number, amount: bigint) =>
      reserveCredits(pool, {
        tenantId: tenant.id,
        apiKeyId: apiKey.id,
        requestId,
        model: "gpt-4o-mini",
        amount,
        now,
        expiresAt: new Date(now.getTime() + ttlMs),
      });
    await hold("old-1", 60_000, 1_000n);
    await hold("old-2", 60_000, 2_000n);
    await hold("live", 3_600_000, 500n);

    const later = new Date(now.getTime() + 120_000);
    const [a, b] = await Promise.all([
      releaseExpiredReservations(pool, later),
      releaseExpiredReservations(pool, later),
    ]);
    expect(a + b).toBe(2);
    expect(await releaseExpiredReservations(pool, later)).toBe(0);

    const balance = await db.prisma.creditBalance.findUniqueOrThrow({ where: { tenantId: tenant.id } });
    expect(balance).toMatchObject({ available: 9_500n, reserved: 500n });
    const statuses = await db.prisma.reservation.findMany({
      where: { tenantId: tenant.id },
      orderBy: { requestId: "asc" },
    });
    expect(statuses.map((r) => [r.requestId, r.status])).toEqual([
      ["live", "HELD"],
      ["old-1", "EXPIRED"],
      ["old-2", "EXPIRED"],
    ]);
    const ledger = await db.prisma.creditLedgerEntry.aggregate({
      where: { tenantId: tenant.id },
      _sum: { amount: true },
    });
    expect(10_000n + ledger._sum.amount!).toBe(balance.available);
  });
});
