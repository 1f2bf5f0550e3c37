import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadLiveState } from "@/lib/authorize/live-state";
import { createPool } from "@/lib/db/pool";
import { REFUSAL_CODES } from "@/lib/decisions/codes";
import { callCost } from "@/lib/decisions/cost";
import { cardExpiresAt, decide } from "@/lib/decisions/decide";
import type { Decision, DecisionRequest } from "@/lib/decisions/types";
import { DEMO_TENANTS, demoKeySecret } from "@/lib/demo/accounts";
import { DEMO_MODELS } from "@/lib/demo/catalog";
import { DEMO_REFUSALS } from "@/lib/demo/decisions";
import { DatabaseNotEmptyError, seedDemo, tenantIdOf } from "@/lib/demo/seed";
import { BUDGET_CALL } from "@/lib/demo/usage";
import { hashApiKey } from "@/lib/keys/api-key";
import { loadKeyContext, loadModelPrice } from "@/lib/keys/key-context";
import { localDay, quotaPeriod } from "@/lib/time/tenant-calendar";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { withClient } from "@/test/pg-admin";

const NOW = new Date("2026-11-25T07:30:00.000Z");
const DAY = 86_400_000;

const rows = <T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> =>
  withClient(url, async (c) => (await c.query<T>(sql, params)).rows);

// A fingerprint of every table's content (password hashes excluded: argon2 salts them randomly).
async function fingerprint(url: string): Promise<Record<string, string>> {
  const tables = await rows<{ t: string }>(
    url,
    `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { t } of tables) {
    const select =
      t === "User"
        ? `SELECT id, email, name, role, "tenantId", "createdAt" FROM "User"`
        : `SELECT * FROM "${t}"`;
    const [r] = await rows<{ h: string; n: string }>(
      url,
      `SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h, count(*)::text AS n FROM (${select}) x`,
    );
    out[t] = `${r!.n}:${r!.h}`;
  }
  return out;
}

describe("demo seed", () => {
  let a: TestDatabase;
  let b: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    [a, b] = await Promise.all([createTestDatabase("seed_a"), createTestDatabase("seed_b")]);
    // b's server sessions run in New York time: stored instants must not depend on it.
    await withClient(b.url, (c) => c.query(`ALTER DATABASE "${b.name}" SET timezone TO 'America/New_York'`));
    await Promise.all([seedDemo(a.prisma, { now: NOW }), seedDemo(b.prisma, { now: NOW })]);
    pool = createPool(a.url, 2);
  }, 180_000);
  afterAll(async () => {
    await pool?.end();
    await Promise.all([a?.drop(), b?.drop()]);
  });

  it("is deterministic: the same `now` gives the same rows, whatever the server's time zone", async () => {
    expect(await rows(b.url, "SHOW timezone")).toEqual([{ TimeZone: "America/New_York" }]);
    const [fa, fb] = await Promise.all([fingerprint(a.url), fingerprint(b.url)]);
    expect(Object.keys(fa).length).toBeGreaterThan(20);
    expect(fa).toEqual(fb);
    expect(Number(fa.UsageEvent!.split(":")[0])).toBeGreaterThan(20_000);
    const span = await a.prisma.usageEvent.aggregate({
      _min: { occurredAt: true },
      _max: { occurredAt: true },
    });
    expect(NOW.getTime() - span._min.occurredAt!.getTime()).toBeLessThanOrEqual(90 * DAY);
    expect(span._max.occurredAt!.getTime()).toBeLessThan(NOW.getTime());
  });

  it("gives every tenant the default alert rules, firing where its story says", async () => {
    const firing = await rows<{ slug: string; kind: string }>(
      a.url,
      `SELECT t.slug, r.kind::text FROM "AlertRule" r JOIN "Tenant" t ON t.id = r."tenantId" WHERE r.state = 'FIRING' ORDER BY 1, 2`,
    );
    expect(firing).toEqual(
      expect.arrayContaining([
        { slug: "low-balance", kind: "BALANCE_BELOW_TOPUP_PCT" },
        { slug: "past-due-expired", kind: "SUBSCRIPTION_PAST_DUE" },
      ]),
    );
    expect(firing.some((f) => f.slug === "healthy")).toBe(false);
    expect(await a.prisma.alertRule.count()).toBe(DEMO_TENANTS.length * 6);
    expect(await a.prisma.alertEvent.count({ where: { kind: "FIRING" } })).toBe(firing.length);
  });

  it("refuses to seed a database that already has tenants", async () => {
    await expect(seedDemo(a.prisma, { now: NOW })).rejects.toThrow(DatabaseNotEmptyError);
    expect(await a.prisma.tenant.count()).toBe(DEMO_TENANTS.length);
  });

  it("keeps every balance equal to its ledger and its grants, with running balances that never go negative", async () => {
    const bad = await rows(
      a.url,
      `
      WITH running AS (
        SELECT "tenantId", "balanceAfter", sum(amount) OVER (PARTITION BY "tenantId" ORDER BY "createdAt", id) AS expected FROM "CreditLedgerEntry")
      SELECT 'running' AS what, "tenantId" FROM running WHERE "balanceAfter" <> expected OR "balanceAfter" < 0
      UNION ALL
      SELECT 'total', b."tenantId" FROM "CreditBalance" b
        WHERE b.available <> (SELECT coalesce(sum(amount), 0) FROM "CreditLedgerEntry" l WHERE l."tenantId" = b."tenantId")
           OR b.available <> (SELECT coalesce(sum(remaining), 0) FROM "CreditGrant" g WHERE g."tenantId" = b."tenantId")
           OR b.reserved <> 0
      UNION ALL
      SELECT 'charges', l."tenantId" FROM "CreditLedgerEntry" l WHERE l.kind = 'CHARGE' GROUP BY l."tenantId"
        HAVING -sum(l.amount) <> (SELECT sum(cost) FROM "UsageEvent" e WHERE e."tenantId" = l."tenantId")
      UNION ALL
      SELECT 'grant link', l."tenantId" FROM "CreditLedgerEntry" l LEFT JOIN "CreditGrant" g ON g.id = l."grantId"
        WHERE l.kind IN ('GRANT', 'TOPUP') AND (g.id IS NULL OR g.amount <> l.amount)`,
    );
    expect(bad).toEqual([]);
    expect(await a.prisma.creditBalance.count()).toBe(DEMO_TENANTS.length);
  });

  it("has chart rollups and quota rows that equal the usage events, cut in each tenant's zone", async () => {
    // DateTime columns are timestamp without time zone holding UTC: make them UTC first, then local.
    const mismatches = await rows(
      a.url,
      `
      WITH agg AS (
        SELECT e."tenantId", ((e."occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE t."timeZone")::date AS day, e.model,
               count(*)::int AS requests, sum(e."inputTokens")::bigint AS i, sum(e."outputTokens")::bigint AS o, sum(e.cost)::bigint AS c
        FROM "UsageEvent" e JOIN "Tenant" t ON t.id = e."tenantId" GROUP BY 1, 2, 3)
      SELECT * FROM agg FULL JOIN "UsageRollup" r ON r."tenantId" = agg."tenantId" AND r.day = agg.day AND r.model = agg.model
      WHERE r."tenantId" IS NULL OR agg."tenantId" IS NULL OR r.requests <> agg.requests OR r."inputTokens" <> agg.i OR r."outputTokens" <> agg.o OR r.cost <> agg.c`,
    );
    expect(mismatches).toEqual([]);

    // Spot checks with the app's own calendar: Kolkata (+05:30) and New York (DST ended in November).
    for (const slug of ["quota-nearly", "low-balance"]) {
      const tenant = DEMO_TENANTS.find((t) => t.slug === slug)!;
      const tenantId = tenantIdOf(slug);
      const day = localDay(new Date(NOW.getTime() - 3 * DAY), tenant.timeZone);
      const events = await a.prisma.usageEvent.aggregate({
        where: { tenantId, occurredAt: { gte: day.start, lt: day.end } },
        _count: true,
        _sum: { cost: true },
      });
      const rollups = await a.prisma.usageRollup.findMany({
        where: {
          tenantId,
          day: new Date(`${day.start.toLocaleDateString("en-CA", { timeZone: tenant.timeZone })}T00:00:00Z`),
        },
      });
      expect(events._count).toBeGreaterThan(0);
      expect(rollups.reduce((s, r) => s + r.requests, 0)).toBe(events._count);
      expect(rollups.reduce((s, r) => s + r.cost, 0n)).toBe(events._sum.cost);

      const period = quotaPeriod(NOW, tenant.timeZone);
      const month = await a.prisma.usageEvent.findMany({
        where: { tenantId, occurredAt: { gte: period.start, lt: period.end } },
        select: { inputTokens: true, outputTokens: true },
      });
      const quota = await a.prisma.quotaUsage.findUniqueOrThrow({
        where: { tenantId_periodStart: { tenantId, periodStart: period.start } },
      });
      expect(quota.tokensUsed).toBe(BigInt(month.reduce((s, e) => s + e.inputTokens + e.outputTokens, 0)));
      expect(quota.periodEnd).toEqual(period.end);
    }
    expect(
      await a.prisma.quotaUsage.count({
        where: { tenantId: tenantIdOf("quota-nearly"), periodStart: new Date("2026-10-31T18:30:00Z") },
      }),
    ).toBe(1);
  });

  it("records refusals of every code, with the details the API sends", async () => {
    const refusals = await a.prisma.decision.findMany({ where: { allowed: false } });
    expect([...new Set(refusals.map((d) => d.code))].sort()).toEqual([...REFUSAL_CODES].sort());
    for (const d of refusals) {
      const details = d.details as { code: string; status: number; remedy: { action: string; url: string } };
      expect(details.code).toBe(d.code);
      expect(details.status).toBe(d.httpStatus);
      expect(details.remedy.url).not.toBe("");
    }
    const credits = refusals.find((d) => d.code === "credits_exhausted")!;
    expect(credits.tenantId).toBe(tenantIdOf("zero-credits"));
    expect(credits.details).toMatchObject({
      limit: "7500",
      used: "0",
      remaining: "0",
      remedy: { action: "top_up", url: "/app/billing#top-up" },
    });
    const pastDue = refusals.find((d) => d.code === "subscription_past_due")!;
    expect(pastDue.details).toMatchObject({
      remedy: { action: "pay_invoice", url: expect.stringMatching(/^https:\/\/invoice\.stripe\.com\//) },
    });
    const revoked = refusals.find((d) => d.code === "key_revoked")!;
    expect(revoked.apiKeyId).toBe("key_revoked_key_revoked");
  });

  // The refusals in the log, asked again of the real engine with what the API would load for them.
  it("gives every documented demo key its documented answer from the live decision path", async () => {
    const live = async (secret: string, request: DecisionRequest, rateLimited = false): Promise<Decision> => {
      const ctx = await loadKeyContext(a.prisma, hashApiKey(secret));
      if (!ctx) return decide(null, request, NOW);
      const state = await loadLiveState(pool, ctx.tenant, ctx.key, "req-replay", NOW);
      const rateLimit = {
        limit: ctx.plan.requestsPerMinute,
        remaining: 0,
        resetsAt: new Date(NOW.getTime() + 60_000),
        limited: rateLimited,
      };
      return decide(
        {
          ...ctx,
          ...state,
          model: await loadModelPrice(a.prisma, request.model, NOW),
          rateLimit,
          appUrl: "",
        },
        request,
        NOW,
      );
    };
    for (const r of DEMO_REFUSALS) {
      const secret = r.slug ? demoKeySecret(r.slug, r.key) : "tg_demo_nobody_0000000000000000";
      const d = await live(secret, r.request, r.rateLimited);
      expect(d.allowed ? "allowed" : d.code, `${r.slug}/${r.key}`).toBe(r.code);
    }
    const small = { model: "gpt-4o-mini", feature: "chat", inputTokens: 1_000, maxOutputTokens: 500 };
    const warnings = async (slug: string) => {
      const d = await live(demoKeySecret(slug), small);
      expect(d.allowed, slug).toBe(true);
      return d.allowed ? d.limits.warnings.map((w) => w.code) : [];
    };
    for (const slug of [
      "healthy",
      "low-balance",
      "quota-nearly",
      "trialing",
      "enterprise",
      "umbrella",
      "pending-key",
      "revoked-key",
      "free-kolkata",
    ]) {
      expect(await warnings(slug), slug).toEqual([]);
    }
    expect(await warnings("past-due-grace")).toEqual(["subscription_past_due"]);
    expect(await warnings("card-expiring")).toEqual(["card_expiring"]);
  });

  it("puts each story tenant in the state its name says", async () => {
    const tenant = (slug: string) =>
      a.prisma.tenant.findUniqueOrThrow({
        where: { slug },
        include: {
          plan: true,
          creditBalance: true,
          subscriptions: true,
          paymentMethods: true,
          apiKeys: true,
          quotaUsages: true,
          invoices: true,
        },
      });
    const lastCall = async (slug: string) =>
      (
        await a.prisma.usageEvent.aggregate({
          where: { tenantId: tenantIdOf(slug) },
          _max: { occurredAt: true },
        })
      )._max.occurredAt;

    const expired = await tenant("card-expired");
    const expiredAt = cardExpiresAt(expired.paymentMethods[0]!);
    expect(expiredAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
    expect((await lastCall("card-expired"))!.getTime()).toBeLessThan(expiredAt.getTime());
    const expiring = cardExpiresAt((await tenant("card-expiring")).paymentMethods[0]!).getTime();
    expect(expiring).toBeGreaterThan(NOW.getTime());
    expect(expiring - NOW.getTime()).toBeLessThanOrEqual(30 * DAY);
    const noCard = await tenant("no-card");
    expect(noCard.paymentMethods.filter((p) => p.isDefault && !p.detachedAt)).toEqual([]);
    expect((await lastCall("no-card"))!.getTime()).toBeLessThan(
      noCard.paymentMethods[0]!.detachedAt!.getTime(),
    );

    const grace = await tenant("past-due-grace");
    const graceSub = grace.subscriptions[0]!;
    expect(graceSub.status).toBe("past_due");
    expect(graceSub.pastDueSince!.getTime() + grace.plan.pastDueGraceDays * DAY).toBeGreaterThan(
      NOW.getTime(),
    );
    expect(grace.invoices.filter((i) => i.status === "open").map((i) => i.createdAt)).toEqual([
      graceSub.pastDueSince,
    ]);
    const overdue = await tenant("past-due-expired");
    const graceEnded =
      overdue.subscriptions[0]!.pastDueSince!.getTime() + overdue.plan.pastDueGraceDays * DAY;
    expect(graceEnded).toBeLessThanOrEqual(NOW.getTime());
    expect((await lastCall("past-due-expired"))!.getTime()).toBeLessThan(graceEnded);
    expect(overdue.invoices.find((i) => i.status === "open")?.hostedInvoiceUrl).toMatch(/^https:\/\//);

    const canceled = await tenant("canceled");
    expect(canceled.subscriptions[0]).toMatchObject({ status: "canceled" });
    expect((await lastCall("canceled"))!.getTime()).toBeLessThan(
      canceled.subscriptions[0]!.canceledAt!.getTime(),
    );
    const trialing = await tenant("trialing");
    expect(trialing.subscriptions[0]!.status).toBe("trialing");
    expect(trialing.subscriptions[0]!.trialEnd!.getTime()).toBeGreaterThan(NOW.getTime());
    expect(trialing.invoices).toEqual([]);
    const incomplete = await tenant("incomplete");
    expect(incomplete.subscriptions[0]!.status).toBe("incomplete");
    expect(await lastCall("incomplete")).toBeNull();
    const suspended = await tenant("suspended");
    expect(suspended.status).toBe("SUSPENDED");
    const suspendedAt = (
      await a.prisma.auditLog.findFirstOrThrow({
        where: { tenantId: suspended.id, action: "tenant.suspend" },
      })
    ).createdAt;
    expect((await lastCall("suspended"))!.getTime()).toBeLessThan(suspendedAt.getTime());
    expect((await tenant("umbrella")).flaggedForReview).toBe(true);

    const period = (t: Awaited<ReturnType<typeof tenant>>) =>
      t.quotaUsages.find((q) => q.periodStart <= NOW && q.periodEnd > NOW)!;
    const used = await tenant("quota-used");
    expect(period(used).tokensUsed).toBe(used.plan.monthlyTokenQuota);
    const nearly = await tenant("quota-nearly");
    const share = Number(period(nearly).tokensUsed) / Number(nearly.plan.monthlyTokenQuota);
    expect(share).toBeGreaterThanOrEqual(0.9);
    expect(share).toBeLessThan(1);

    expect((await tenant("zero-credits")).creditBalance!.available).toBe(0n);
    const low = await tenant("low-balance");
    const lastTopUp = await a.prisma.creditLedgerEntry.findFirstOrThrow({
      where: { tenantId: low.id, kind: "TOPUP" },
      orderBy: { createdAt: "desc" },
    });
    expect(low.creditBalance!.available).toBeGreaterThan(0n);
    expect(low.creditBalance!.available * 10n).toBeLessThan(lastTopUp.amount);

    // Today's spend is within the $1 cap, and one more BUDGET_CALL would pass it.
    const capped = await tenant("budget-capped");
    const today = localDay(NOW, capped.timeZone);
    const spent = (
      await a.prisma.usageEvent.aggregate({
        where: { tenantId: capped.id, occurredAt: { gte: today.start } },
        _sum: { cost: true },
      })
    )._sum.cost!;
    const sonnet = DEMO_MODELS.find((m) => m.id === BUDGET_CALL.model)!;
    expect(spent).toBeLessThanOrEqual(capped.dailySpendCap!);
    expect(spent + callCost(sonnet.price, BUDGET_CALL)).toBeGreaterThan(capped.dailySpendCap!);

    expect((await tenant("pending-key")).apiKeys.map((k) => k.status).sort()).toEqual([
      "ACTIVE",
      "PENDING_APPROVAL",
    ]);
    const revokedKey = (await tenant("revoked-key")).apiKeys.find((k) => k.status === "REVOKED")!;
    const lastOnRevoked = (
      await a.prisma.usageEvent.aggregate({ where: { apiKeyId: revokedKey.id }, _max: { occurredAt: true } })
    )._max.occurredAt!;
    expect(lastOnRevoked.getTime()).toBeLessThan(revokedKey.revokedAt!.getTime());
    expect(revokedKey.lastUsedAt!.getTime()).toBeGreaterThan(revokedKey.revokedAt!.getTime());

    const zones = new Set(
      (await a.prisma.tenant.findMany({ select: { timeZone: true } })).map((t) => t.timeZone),
    );
    expect([...zones].sort()).toEqual(["America/New_York", "Asia/Kolkata", "Europe/Berlin", "UTC"]);
    expect(
      new Set((await a.prisma.tenant.findMany({ include: { plan: true } })).map((t) => t.plan.key)),
    ).toEqual(new Set(["free", "starter", "pro", "enterprise"]));
  });

  it("stores only hashes of the documented demo keys, and one sign-in per role", async () => {
    for (const t of DEMO_TENANTS) {
      const key = await a.prisma.apiKey.findUniqueOrThrow({
        where: { hash: hashApiKey(demoKeySecret(t.slug)) },
      });
      expect(key).toMatchObject({
        tenantId: tenantIdOf(t.slug),
        status: "ACTIVE",
        prefix: demoKeySecret(t.slug).slice(0, 12),
      });
      expect(JSON.stringify(key)).not.toContain(demoKeySecret(t.slug));
    }
    expect(
      await a.prisma.apiKey.findUnique({
        where: { hash: hashApiKey(demoKeySecret("pending-key", "pending")) },
      }),
    ).toMatchObject({ status: "PENDING_APPROVAL" });
    expect(
      await a.prisma.apiKey.findUnique({
        where: { hash: hashApiKey(demoKeySecret("revoked-key", "revoked")) },
      }),
    ).toMatchObject({ status: "REVOKED" });
    const roles = await a.prisma.user.groupBy({ by: ["role"], _count: true });
    expect(Object.fromEntries(roles.map((r) => [r.role, r._count]))).toEqual({
      ADMIN: 1,
      TENANT_OWNER: DEMO_TENANTS.length,
      TENANT_MEMBER: 1,
    });
  });
});
