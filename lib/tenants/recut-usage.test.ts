import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { quotaRowsOf, rollupsOf } from "@/lib/demo/aggregates";
import type { DemoUsageEvent } from "@/lib/demo/usage";
import { recutUsage } from "@/lib/tenants/recut-usage";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { createTenantWithKey } from "@/test/fixtures";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase("recut_usage");
});
afterAll(async () => {
  await db?.drop();
});

// Events around the edges a zone moves: local midnights, a month end, and New York's DST start
// (2026-03-08) — each a few minutes either side.
const INSTANTS = [
  "2026-02-28T18:25:00Z",
  "2026-02-28T18:35:00Z", // Kolkata midnight (18:30Z) into 1 March
  "2026-02-28T23:59:59Z",
  "2026-03-01T00:00:00Z", // UTC month end
  "2026-03-01T04:59:00Z",
  "2026-03-01T05:01:00Z", // New York month start (05:00Z)
  "2026-03-08T06:59:00Z",
  "2026-03-08T07:01:00Z",
  "2026-03-09T03:59:00Z",
  "2026-03-09T04:01:00Z", // DST: midnight 05:00Z → 04:00Z
];

async function seedUsage(tenantId: string, apiKeyId: string): Promise<DemoUsageEvent[]> {
  const events = INSTANTS.flatMap((at, i) =>
    ["gpt-4o-mini", "gpt-4o"].map((model, j) => ({
      tenantId,
      apiKeyId,
      requestId: `e-${i}-${j}`,
      model,
      feature: "chat",
      inputTokens: 100 * (i + 1),
      outputTokens: 10 * (j + 1),
      cost: BigInt(7 * (i + 1) + j),
      occurredAt: new Date(at),
      receivedAt: new Date(at),
    })),
  );
  await db.prisma.usageEvent.createMany({ data: events.map(({ feature: _f, ...e }) => e) });
  return events;
}

const rollups = (tenantId: string) =>
  db.prisma.usageRollup.findMany({
    where: { tenantId },
    orderBy: [{ day: "asc" }, { model: "asc" }],
    omit: { tenantId: true },
  });
const quotas = (tenantId: string) =>
  db.prisma.quotaUsage.findMany({
    where: { tenantId },
    orderBy: { periodStart: "asc" },
    select: { periodStart: true, periodEnd: true, tokensUsed: true, requests: true, cost: true },
  });
const sortRollups = <T extends { day: Date; model: string }>(rows: T[]) =>
  [...rows].sort((a, b) => a.day.getTime() - b.day.getTime() || a.model.localeCompare(b.model));

describe("recutUsage", () => {
  it.each(["Asia/Kolkata", "America/New_York", "UTC"])(
    "rebuilds rollups and quota months in %s exactly as the ingest path cuts them",
    async (zone) => {
      const { tenant, apiKey } = await createTenantWithKey(db.prisma, {
        slug: `recut-${zone.toLowerCase().replace(/\W+/g, "-")}`,
        available: 0n,
      });
      const events = await seedUsage(tenant.id, apiKey.id);
      // Rows cut in another zone beforehand, which must all be replaced.
      await db.prisma.usageRollup.create({
        data: { tenantId: tenant.id, day: new Date("2026-01-01T00:00:00Z"), model: "stale", requests: 1 },
      });
      await db.prisma.quotaUsage.create({
        data: {
          tenantId: tenant.id,
          periodStart: new Date("2026-01-01T00:00:00Z"),
          periodEnd: new Date("2026-02-01T00:00:00Z"),
          tokensUsed: 1n,
          updatedAt: new Date(),
        },
      });

      const now = new Date("2026-03-10T00:00:00Z");
      const counts = await db.prisma.$transaction((tx) => recutUsage(tx, tenant.id, zone, now));

      const expectedRollups = sortRollups(rollupsOf(events, zone)).map(({ tenantId: _t, ...r }) => r);
      expect(await rollups(tenant.id)).toEqual(expectedRollups);
      const expectedQuotas = quotaRowsOf(events, zone, now).map(
        ({ periodStart, periodEnd, tokensUsed, requests, cost }) => ({
          periodStart,
          periodEnd,
          tokensUsed,
          requests,
          cost,
        }),
      );
      expect(await quotas(tenant.id)).toEqual(
        expectedQuotas.sort((a, b) => a.periodStart.getTime() - b.periodStart.getTime()),
      );
      expect(counts).toEqual({ days: expectedRollups.length, months: expectedQuotas.length });
    },
  );

  it("cuts Kolkata's 1 March from 18:30Z the day before", async () => {
    const { tenant, apiKey } = await createTenantWithKey(db.prisma, {
      slug: "recut-kolkata-edge",
      available: 0n,
    });
    await seedUsage(tenant.id, apiKey.id);
    await db.prisma.$transaction((tx) => recutUsage(tx, tenant.id, "Asia/Kolkata", new Date()));
    const [feb, mar] = await quotas(tenant.id);
    expect(feb).toMatchObject({
      periodStart: new Date("2026-01-31T18:30:00Z"),
      periodEnd: new Date("2026-02-28T18:30:00Z"),
      requests: 2,
    });
    expect(mar).toMatchObject({ periodStart: new Date("2026-02-28T18:30:00Z"), requests: 18 });
  });

  it("leaves a tenant without usage with no rows", async () => {
    const { tenant } = await createTenantWithKey(db.prisma, { slug: "recut-empty", available: 0n });
    expect(
      await db.prisma.$transaction((tx) => recutUsage(tx, tenant.id, "Europe/Berlin", new Date())),
    ).toEqual({ days: 0, months: 0 });
    expect(await rollups(tenant.id)).toEqual([]);
  });
});
