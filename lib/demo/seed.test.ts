import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REFUSAL_CODES } from "@/lib/decisions/codes";
import { cardExpiresAt } from "@/lib/decisions/decide";
import { DEMO_TENANTS, demoKeySecret } from "@/lib/demo/accounts";
import { seedDemo, tenantIdOf } from "@/lib/demo/seed";
import { hashApiKey } from "@/lib/keys/api-key";
import { quotaPeriod } from "@/lib/time/tenant-calendar";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { withClient } from "@/lib/testing/pg-admin";

const NOW = new Date("2026-11-25T07:30:00.000Z");
const DAY = 86_400_000;

const rows = <T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> =>
  withClient(url, async (c) => (await c.query<T>(sql, params)).rows);

// A fingerprint of every table's content (password hashes excluded: argon2 salts them randomly).
async function fingerprint(url: string): Promise<Record<string, string>> {
  const tables = await rows<{ t: string }>(url, `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1`);
  const out: Record<string, string> = {};
  for (const { t } of tables) {
    const select = t === "User" ? `SELECT id, email, name, role, "tenantId" FROM "User"` : `SELECT * FROM "${t}"`;
    const [r] = await rows<{ h: string; n: string }>(url, `SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h, count(*)::text AS n FROM (${select}) x`);
    out[t] = `${r!.n}:${r!.h}`;
  }
  return out;
}

describe("demo seed", () => {
  let a: TestDatabase;
  let b: TestDatabase;
  beforeAll(async () => {
    [a, b] = await Promise.all([createTestDatabase("seed_a"), createTestDatabase("seed_b")]);
    await seedDemo(a.prisma, { now: NOW });
    await seedDemo(b.prisma, { now: NOW });
  }, 180_000);
  afterAll(async () => Promise.all([a?.drop(), b?.drop()]));

  it("is deterministic: the same `now` gives the same rows", async () => {
    const [fa, fb] = await Promise.all([fingerprint(a.url), fingerprint(b.url)]);
    expect(Object.keys(fa).length).toBeGreaterThan(20);
    expect(fa).toEqual(fb);
    expect(Number(fa.UsageEvent!.split(":")[0])).toBeGreaterThan(20_000);
  });

  it("refuses to seed a database that already has tenants", async () => {
    await expect(seedDemo(a.prisma, { now: NOW })).rejects.toThrow(/already has tenants/);
  });

  it("keeps every balance equal to its ledger, with running balances that never go negative", async () => {
    const bad = await rows(a.url, `
      WITH running AS (
        SELECT "tenantId", "balanceAfter", sum(amount) OVER (PARTITION BY "tenantId" ORDER BY "createdAt", id) AS expected FROM "CreditLedgerEntry")
      SELECT 'running' AS what, "tenantId" FROM running WHERE "balanceAfter" <> expected OR "balanceAfter" < 0
      UNION ALL
      SELECT 'total', b."tenantId" FROM "CreditBalance" b
        WHERE b.available <> (SELECT coalesce(sum(amount), 0) FROM "CreditLedgerEntry" l WHERE l."tenantId" = b."tenantId")
           OR b.available <> (SELECT coalesce(sum(remaining), 0) FROM "CreditGrant" g WHERE g."tenantId" = b."tenantId")`);
    expect(bad).toEqual([]);
    const balances = await a.prisma.creditBalance.findMany();
    expect(balances).toHaveLength(DEMO_TENANTS.length);
  });

  it("has chart rollups and quota rows that equal the usage events, cut in each tenant's zone", async () => {
    // DateTime columns are timestamp without time zone holding UTC: make them UTC first, then local.
    const mismatches = await rows(a.url, `
      WITH agg AS (
        SELECT e."tenantId", ((e."occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE t."timeZone")::date AS day, e.model,
               count(*)::int AS requests, sum(e."inputTokens")::bigint AS i, sum(e."outputTokens")::bigint AS o, sum(e.cost)::bigint AS c
        FROM "UsageEvent" e JOIN "Tenant" t ON t.id = e."tenantId" GROUP BY 1, 2, 3)
      SELECT * FROM agg FULL JOIN "UsageRollup" r ON r."tenantId" = agg."tenantId" AND r.day = agg.day AND r.model = agg.model
      WHERE r."tenantId" IS NULL OR agg."tenantId" IS NULL OR r.requests <> agg.requests OR r."inputTokens" <> agg.i OR r."outputTokens" <> agg.o OR r.cost <> agg.c`);
    expect(mismatches).toEqual([]);

    // Spot checks with the app's own calendar: Kolkata (+05:30) and New York (DST in November).
    for (const slug of ["quota-nearly", "low-balance"]) {
      const tenant = DEMO_TENANTS.find((t) => t.slug === slug)!;
      const period = quotaPeriod(NOW, tenant.timeZone);
      const [events] = await rows<{ tokens: string }>(a.url, `SELECT coalesce(sum("inputTokens" + "outputTokens"), 0)::text AS tokens FROM "UsageEvent" WHERE "tenantId" = $1 AND "occurredAt" >= $2 AND "occurredAt" < $3`, [tenantIdOf(slug), period.start, period.end]);
      const quota = await a.prisma.quotaUsage.findUniqueOrThrow({ where: { tenantId_periodStart: { tenantId: tenantIdOf(slug), periodStart: period.start } } });
      expect(quota.tokensUsed.toString()).toBe(events!.tokens);
      expect(quota.periodEnd).toEqual(period.end);
    }
  });

  it("records refusals of every code", async () => {
    const codes = (await a.prisma.decision.findMany({ where: { allowed: false }, distinct: ["code"], select: { code: true } })).map((d) => d.code);
    expect(codes.toSorted()).toEqual([...REFUSAL_CODES].sort());
  });

  it("puts each story tenant in the state its name says", async () => {
    const tenant = (slug: string) => a.prisma.tenant.findUniqueOrThrow({
      where: { slug }, include: { plan: true, creditBalance: true, subscriptions: true, paymentMethods: true, apiKeys: true, quotaUsages: true },
    });
    const expired = await tenant("card-expired");
    expect(cardExpiresAt(expired.paymentMethods[0]!).getTime()).toBeLessThanOrEqual(NOW.getTime());
    const expiring = await tenant("card-expiring");
    const expiresAt = cardExpiresAt(expiring.paymentMethods[0]!).getTime();
    expect(expiresAt).toBeGreaterThan(NOW.getTime());
    expect(expiresAt - NOW.getTime()).toBeLessThanOrEqual(31 * DAY);

    const grace = await tenant("past-due-grace");
    const graceEnd = grace.subscriptions[0]!.pastDueSince!.getTime() + grace.plan.pastDueGraceDays * DAY;
    expect(grace.subscriptions[0]!.status).toBe("past_due");
    expect(graceEnd).toBeGreaterThan(NOW.getTime());
    const overdue = await tenant("past-due-expired");
    expect(overdue.subscriptions[0]!.pastDueSince!.getTime() + overdue.plan.pastDueGraceDays * DAY).toBeLessThanOrEqual(NOW.getTime());

    const period = (t: Awaited<ReturnType<typeof tenant>>) => t.quotaUsages.find((q) => q.periodStart <= NOW && q.periodEnd > NOW)!;
    const used = await tenant("quota-used");
    expect(period(used).tokensUsed).toBeGreaterThanOrEqual(used.plan.monthlyTokenQuota!);
    const nearly = await tenant("quota-nearly");
    const share = Number(period(nearly).tokensUsed) / Number(nearly.plan.monthlyTokenQuota);
    expect(share).toBeGreaterThanOrEqual(0.9);
    expect(share).toBeLessThan(1);

    expect((await tenant("zero-credits")).creditBalance!.available).toBe(0n);
    const low = await tenant("low-balance");
    const lastTopUp = await a.prisma.creditLedgerEntry.findFirstOrThrow({ where: { tenantId: low.id, kind: "TOPUP" }, orderBy: { createdAt: "desc" } });
    expect(low.creditBalance!.available * 10n).toBeLessThan(lastTopUp.amount);

    expect((await tenant("pending-key")).apiKeys.map((k) => k.status).sort()).toEqual(["ACTIVE", "PENDING_APPROVAL"]);
    expect((await tenant("revoked-key")).apiKeys.map((k) => k.status).sort()).toEqual(["ACTIVE", "REVOKED"]);
    expect((await tenant("suspended")).status).toBe("SUSPENDED");
    expect((await tenant("trialing")).subscriptions[0]!.status).toBe("trialing");
    expect((await tenant("canceled")).subscriptions[0]!.status).toBe("canceled");

    const capped = await tenant("budget-capped");
    const [today] = await rows<{ spent: string }>(a.url, `SELECT sum(cost)::text AS spent FROM "UsageEvent" WHERE "tenantId" = $1 AND "occurredAt" >= $2`, [capped.id, new Date("2026-11-25T00:00:00Z")]);
    expect(BigInt(today!.spent)).toBeGreaterThanOrEqual(capped.dailySpendCap!);

    const zones = new Set((await a.prisma.tenant.findMany({ select: { timeZone: true } })).map((t) => t.timeZone));
    expect([...zones].sort()).toEqual(["America/New_York", "Asia/Kolkata", "Europe/Berlin", "UTC"]);
  });

  it("stores only hashes of the documented demo keys", async () => {
    for (const slug of ["healthy", "zero-credits", "past-due-expired"]) {
      const key = await a.prisma.apiKey.findUniqueOrThrow({ where: { hash: hashApiKey(demoKeySecret(slug)) } });
      expect(key.tenantId).toBe(tenantIdOf(slug));
      expect(JSON.stringify(key)).not.toContain(demoKeySecret(slug));
    }
    expect(await a.prisma.apiKey.findUnique({ where: { hash: hashApiKey(demoKeySecret("pending-key", "pending")) } })).toMatchObject({ status: "PENDING_APPROVAL" });
    expect(await a.prisma.apiKey.findUnique({ where: { hash: hashApiKey(demoKeySecret("revoked-key", "revoked")) } })).toMatchObject({ status: "REVOKED" });
  });
});
