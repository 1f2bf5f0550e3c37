// Quota months in the decision, end to end below HTTP: the snapshot the API reads from PostgreSQL
// (loadKeyContext + loadLiveState) and decide() on it, one second either side of a tenant's local
// month start — in New York on the day DST ends (2026-11-01, a 25-hour day) and in Kolkata (+05:30).
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadLiveState } from "@/lib/authorize/live-state";
import { createPool } from "@/lib/db/pool";
import { decide } from "@/lib/decisions/decide";
import type { DecisionSnapshot } from "@/lib/decisions/types";
import { hashApiKey } from "@/lib/keys/api-key";
import { loadKeyContext } from "@/lib/keys/key-context";
import { quotaPeriod } from "@/lib/time/tenant-calendar";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { createTenantWithKey, TEST_MODEL, TEST_MODEL_PRICE } from "@/test/fixtures";

let db: TestDatabase;
let pool: pg.Pool;
beforeAll(async () => {
  db = await createTestDatabase("quota_month");
  pool = createPool(db.url, 2); // bigint columns as BigInt, as the API reads them
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

const QUOTA = 10_000n;
const call = { model: TEST_MODEL.id, inputTokens: 1000, maxOutputTokens: 500 }; // 1,500 tokens

const cases = [
  // zone, the instant the local month starts, the month before's start
  {
    zone: "America/New_York",
    monthStart: "2026-11-01T04:00:00Z",
    previousStart: "2026-10-01T04:00:00Z",
    nextStart: "2026-12-01T05:00:00Z",
  },
  {
    zone: "Asia/Kolkata",
    monthStart: "2026-11-30T18:30:00Z",
    previousStart: "2026-10-31T18:30:00Z",
    nextStart: "2026-12-31T18:30:00Z",
  },
];

describe.each(cases)("quota month in $zone", ({ zone, monthStart, previousStart, nextStart }) => {
  it("counts last month's tokens until the local midnight of the 1st, and none after", async () => {
    const start = new Date(monthStart);
    const { tenant, plan, secret, apiKey } = await createTenantWithKey(db.prisma, {
      slug: `qm-${zone.replace("/", "-").toLowerCase()}`,
      available: 10_000_000n,
      planKey: `hard-${zone}`,
      timeZone: zone,
    });
    await db.prisma.plan.update({
      where: { id: plan.id },
      data: { monthlyTokenQuota: QUOTA, quotaMode: "HARD" },
    });
    // Last month used all but 1,000 tokens of the quota; this month nothing yet.
    const before = new Date(start.getTime() - 1000);
    expect(quotaPeriod(before, zone)).toEqual({ start: new Date(previousStart), end: start });
    expect(quotaPeriod(start, zone)).toEqual({ start, end: new Date(nextStart) });
    await db.prisma.quotaUsage.create({
      data: {
        tenantId: tenant.id,
        periodStart: new Date(previousStart),
        periodEnd: start,
        tokensUsed: QUOTA - 1000n,
        requests: 9,
        cost: 0n,
      },
    });

    const snapshotAt = async (now: Date): Promise<DecisionSnapshot> => {
      const ctx = (await loadKeyContext(db.prisma, hashApiKey(secret)))!;
      const {
        existing: _e,
        priorRefusal: _p,
        ...live
      } = await loadLiveState(pool, ctx.tenant, ctx.key, `probe-${now.getTime()}`, now);
      return {
        ...ctx,
        ...live,
        model: TEST_MODEL_PRICE,
        rateLimit: { limit: 100, remaining: 100, resetsAt: now, limited: false },
        appUrl: "http://t",
      };
    };

    const late = decide(await snapshotAt(before), call, before);
    expect(late).toMatchObject({
      allowed: false,
      code: "quota_exceeded",
      limit: QUOTA,
      used: QUOTA - 1000n,
      remaining: 1000n,
      resetsAt: start,
    });

    const early = decide(await snapshotAt(start), call, start);
    expect(early).toMatchObject({
      allowed: true,
      limits: { quota: { limit: QUOTA, used: 0n, resetsAt: new Date(nextStart) } },
    });
    expect(apiKey.tenantId).toBe(tenant.id);
  });
});
