import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { decisionFilterSchema, listDecisions } from "@/lib/dashboard/decision-log";
import { simulateCall } from "@/lib/dashboard/simulate";
import { dayRange, pivotSeries, usageSeries } from "@/lib/dashboard/usage-series";
import { createPool } from "@/lib/db/pool";
import { cardStatus } from "@/lib/decisions/card-status";
import { grantCredits } from "@/lib/ledger/grant-credits";
import { daysOfCredit, healthBanner, tenantHealth } from "@/lib/tenants/tenant-health";
import { loadModelPrices, loadTenantStates } from "@/lib/tenants/tenant-states";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { createTenantWithKey, TEST_MODEL } from "@/test/fixtures";

const NOW = new Date("2026-03-08T12:00:00Z"); // the day US clocks go forward
let db: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  db = await createTestDatabase("dashboard");
  pool = createPool(db.url, 5);
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

const health = async (tenantId: string, now = NOW) => {
  const [row] = await loadTenantStates(pool, now, [tenantId]);
  return tenantHealth(row!, await loadModelPrices(pool), now);
};

describe("cardStatus", () => {
  it.each([
    { card: { expMonth: 3, expYear: 2026 }, status: "expiring" },
    { card: { expMonth: 2, expYear: 2026 }, status: "expired" },
    { card: { expMonth: 12, expYear: 2027 }, status: "valid" },
  ])("$card.expMonth/$card.expYear is $status on 8 Mar 2026", ({ card, status }) => {
    expect(cardStatus(card, NOW).status).toBe(status);
  });
});

describe("daysOfCredit", () => {
  it.each([
    { available: 700n, week: 700n, days: 7 },
    { available: 150n, week: 700n, days: 1.5 },
    { available: 0n, week: 700n, days: 0 },
    { available: 100n, week: 0n, days: null },
  ])("$available at a week of $week → $days days", ({ available, week, days }) => {
    expect(daysOfCredit(available, week).daysLeft).toBe(days);
  });
});

describe("tenant states and health (decide() on a probe call)", () => {
  it("a funded tenant's calls go through; a zero balance is refused with credits_exhausted and the top-up remedy", async () => {
    const ok = await createTenantWithKey(db.prisma, { slug: "health-ok", available: 10_000_000n });
    const broke = await createTenantWithKey(db.prisma, { slug: "health-zero", available: 0n });
    const good = await health(ok.tenant.id);
    expect(good.level).toBe("ok");
    expect(healthBanner(good).title).toBe("Calls go through");
    const bad = await health(broke.tenant.id);
    expect(bad.level).toBe("refusing");
    expect(bad.decision.allowed === false && bad.decision.code).toBe("credits_exhausted");
    expect(healthBanner(bad)).toMatchObject({
      level: "refusing",
      action: { label: "Top up credits", href: "/app/billing#top-up" },
    });
  });

  it("a suspension refuses with no self-service action; rows are only the ids asked for", async () => {
    const t = await createTenantWithKey(db.prisma, { slug: "health-suspended", available: 10_000_000n });
    await db.prisma.tenant.update({ where: { id: t.tenant.id }, data: { status: "SUSPENDED" } });
    const h = await health(t.tenant.id);
    expect(h.decision.allowed === false && h.decision.code).toBe("tenant_suspended");
    expect(healthBanner(h).action).toBeNull();
    const rows = await loadTenantStates(pool, NOW, [t.tenant.id]);
    expect(rows.map((r) => r.slug)).toEqual(["health-suspended"]);
  });

  it("burn, today's spend and quota come from the tenant-local rollups and current quota row", async () => {
    const t = await createTenantWithKey(db.prisma, {
      slug: "health-burn",
      available: 3_000_000n,
      timeZone: "America/New_York",
    });
    // Local today in New York at NOW is 2026-03-08; 6 days back is 03-02; 03-01 is outside the week.
    await db.prisma.usageRollup.createMany({
      data: [
        {
          tenantId: t.tenant.id,
          day: new Date("2026-03-08"),
          model: TEST_MODEL.id,
          requests: 1,
          inputTokens: 10n,
          outputTokens: 0n,
          cost: 1_000_000n,
        },
        {
          tenantId: t.tenant.id,
          day: new Date("2026-03-02"),
          model: TEST_MODEL.id,
          requests: 1,
          inputTokens: 10n,
          outputTokens: 0n,
          cost: 6_000_000n,
        },
        {
          tenantId: t.tenant.id,
          day: new Date("2026-03-01"),
          model: TEST_MODEL.id,
          requests: 1,
          inputTokens: 10n,
          outputTokens: 0n,
          cost: 50_000_000n,
        },
      ],
    });
    await db.prisma.quotaUsage.create({
      data: {
        tenantId: t.tenant.id,
        periodStart: new Date("2026-03-01T05:00:00Z"),
        periodEnd: new Date("2026-04-01T04:00:00Z"),
        tokensUsed: 123n,
        cost: 7n,
      },
    });
    const [row] = await loadTenantStates(pool, NOW, [t.tenant.id]);
    expect(row).toMatchObject({
      weekCost: 7_000_000n,
      todayCost: 1_000_000n,
      quotaUsed: 123n,
      monthCost: 7n,
    });
    const h = await health(t.tenant.id);
    expect(h.daysLeft).toBe(3);
    expect(h.burnPerDay).toBe(1_000_000n);
  });
});

describe("usageSeries", () => {
  it("lists every tenant-local day of the range, models sorted, zeros where nothing was used", async () => {
    const t = await createTenantWithKey(db.prisma, {
      slug: "series",
      available: 0n,
      timeZone: "Asia/Kolkata",
    });
    // 20:00 UTC on 8 Mar is already 9 Mar in Kolkata (+05:30).
    const late = new Date("2026-03-08T20:00:00Z");
    expect(dayRange(late, "Asia/Kolkata", 3)).toEqual(["2026-03-07", "2026-03-08", "2026-03-09"]);
    await db.prisma.usageRollup.createMany({
      data: [
        {
          tenantId: t.tenant.id,
          day: new Date("2026-03-09"),
          model: "b-model",
          requests: 2,
          inputTokens: 1_000n,
          outputTokens: 500n,
          cost: 2_500_000n,
        },
        {
          tenantId: t.tenant.id,
          day: new Date("2026-03-07"),
          model: "a-model",
          requests: 1,
          inputTokens: 100n,
          outputTokens: 0n,
          cost: 1n,
        },
      ],
    });
    const s = await usageSeries(pool, t.tenant.id, "Asia/Kolkata", 7, late);
    expect(s.days).toHaveLength(7);
    expect(s.days.at(-1)).toBe("2026-03-09");
    expect(s.models).toEqual(["a-model", "b-model"]);
    expect(s.totals).toEqual({ requests: 3, tokens: 1_600n, cost: 2_500_001n });
    const rows = pivotSeries(s, "cost");
    expect(rows.at(-1)).toEqual({ day: "2026-03-09", "a-model": 0, "b-model": 2.5 });
    expect(pivotSeries(s, "tokens").at(-3)).toEqual({ day: "2026-03-07", "a-model": 100, "b-model": 0 });
  });
});

describe("simulateCall", () => {
  it("answers the 402 body with its remedy, holds nothing, and turns to 200 after a grant", async () => {
    const t = await createTenantWithKey(db.prisma, { slug: "simulate", available: 0n });
    const input = { keyId: t.apiKey.id, model: TEST_MODEL.id, inputTokens: 1_000, maxOutputTokens: 500 };
    const refused = await simulateCall(db.prisma, pool, t.tenant.id, input, {
      now: NOW,
      appUrl: "https://tg.example",
    });
    expect(refused).toMatchObject({ allowed: false, httpStatus: 402 });
    expect(refused!.body).toMatchObject({
      code: "credits_exhausted",
      status: 402,
      limit: "450",
      remaining: "0",
      remedy: { action: "top_up", url: "https://tg.example/app/billing#top-up" },
    });
    expect(await db.prisma.reservation.count({ where: { tenantId: t.tenant.id } })).toBe(0);
    expect(await db.prisma.decision.count({ where: { tenantId: t.tenant.id } })).toBe(0);

    await grantCredits(
      db.prisma,
      { kind: "SYSTEM", id: null, ip: null },
      { tenantId: t.tenant.id, amount: 1_000_000n, reason: "test", idempotencyKey: "sim-1", expiresAt: null },
    );
    const allowed = await simulateCall(db.prisma, pool, t.tenant.id, input, { now: NOW });
    expect(allowed).toMatchObject({
      allowed: true,
      httpStatus: 200,
      body: { allowed: true, reservation: { amount: "450" } },
    });
    expect(await db.prisma.reservation.count({ where: { tenantId: t.tenant.id } })).toBe(0);
  });

  it("never reads another tenant's key: a foreign key id answers null", async () => {
    const a = await createTenantWithKey(db.prisma, { slug: "sim-a", available: 0n });
    const b = await createTenantWithKey(db.prisma, { slug: "sim-b", available: 0n });
    expect(
      await simulateCall(
        db.prisma,
        pool,
        a.tenant.id,
        { keyId: b.apiKey.id, model: TEST_MODEL.id },
        { now: NOW },
      ),
    ).toBeNull();
    expect(
      await simulateCall(db.prisma, pool, "no-such-tenant", { model: TEST_MODEL.id }, { now: NOW }),
    ).toBeNull();
  });
});

describe("listDecisions", () => {
  it("filters by outcome and code, pages by cursor, and a tenant scope overrides a tenantId filter", async () => {
    const a = await createTenantWithKey(db.prisma, { slug: "log-a", available: 0n });
    const b = await createTenantWithKey(db.prisma, { slug: "log-b", available: 0n });
    const base = NOW.getTime();
    await db.prisma.decision.createMany({
      data: [
        ...Array.from({ length: 5 }, (_, i) => ({
          id: `dec_a${i}`,
          tenantId: a.tenant.id,
          requestId: `r${i}`,
          allowed: i % 2 === 0,
          code: i % 2 ? "credits_exhausted" : null,
          httpStatus: i % 2 ? 402 : 200,
          details: {},
          createdAt: new Date(base - i * 1000),
        })),
        {
          id: "dec_b0",
          tenantId: b.tenant.id,
          requestId: "rb",
          allowed: false,
          code: "quota_exceeded",
          httpStatus: 402,
          details: {},
          createdAt: new Date(base),
        },
      ],
    });
    const f = decisionFilterSchema.parse({ outcome: "refused" });
    const own = await listDecisions(db.prisma, f, { scopeTenantId: a.tenant.id });
    expect(own.rows.map((r) => r.id)).toEqual(["dec_a1", "dec_a3"]);
    const spoofed = await listDecisions(db.prisma, decisionFilterSchema.parse({ tenantId: b.tenant.id }), {
      scopeTenantId: a.tenant.id,
    });
    expect(spoofed.rows.every((r) => r.tenantId === a.tenant.id)).toBe(true);
    const page1 = await listDecisions(db.prisma, decisionFilterSchema.parse({ tenantId: a.tenant.id }), {
      pageSize: 2,
    });
    expect(page1.rows.map((r) => r.id)).toEqual(["dec_a0", "dec_a1"]);
    const page2 = await listDecisions(
      db.prisma,
      decisionFilterSchema.parse({ tenantId: a.tenant.id, before: page1.next }),
      { pageSize: 2 },
    );
    expect(page2.rows.map((r) => r.id)).toEqual(["dec_a2", "dec_a3"]);
    expect(decisionFilterSchema.parse({ outcome: "bogus", code: "nope" })).toMatchObject({
      outcome: "all",
      code: undefined,
    });
  });
});

describe("queryTenants", () => {
  it("searches, filters by risk and plan, sorts by balance and pages on the server", async () => {
    const { queryTenants, tenantsQuerySchema } = await import("@/lib/tenants/tenants-query");
    for (const slug of ["page-1", "page-2", "page-3"])
      await createTenantWithKey(db.prisma, { slug, available: 1n });
    const models = await loadModelPrices(pool);
    const states = await loadTenantStates(pool, NOW);
    const q = (p: Record<string, string>) => queryTenants(states, models, tenantsQuerySchema.parse(p), NOW);
    expect(
      q({ q: "HEALTH-" })
        .rows.map((r) => r.state.slug)
        .sort(),
    ).toEqual(["health-burn", "health-ok", "health-suspended", "health-zero"]);
    expect(
      q({ q: "health", risk: "refusing" })
        .rows.map((r) => r.state.slug)
        .sort(),
    ).toEqual(["health-suspended", "health-zero"]);
    const byBalance = q({ q: "health", sort: "balance", dir: "desc" }).rows.map((r) => r.state.slug);
    expect(byBalance[0]).toMatch(/health-(ok|suspended)/);
    expect(byBalance.at(-1)).toBe("health-zero");
    const paged = q({ size: "10", page: "2" });
    expect(states.length).toBeGreaterThan(10);
    expect(paged).toMatchObject({ page: 2, total: states.length });
    expect(paged.rows).toHaveLength(Math.min(10, states.length - 10));
    expect(q({ page: "999" }).page).toBe(q({}).pages);
    expect(tenantsQuerySchema.parse({ sort: "evil", size: "7", risk: "x" })).toMatchObject({
      sort: "name",
      size: 25,
      risk: undefined,
    });
  });
});

describe("overview", () => {
  it("counts refusals of the last 24 h by code, month money from ledger and rollups, and lists who needs attention", async () => {
    const { monthMoney, refusalsByCode, summarizeTenants } = await import("@/lib/dashboard/overview");
    const t = await createTenantWithKey(db.prisma, { slug: "overview", available: 0n });
    await db.prisma.decision.createMany({
      data: [
        {
          id: "dec_ov1",
          tenantId: t.tenant.id,
          requestId: "o1",
          allowed: false,
          code: "zz_test_code",
          httpStatus: 402,
          details: {},
          createdAt: new Date(NOW.getTime() - 3_600_000),
        },
        {
          id: "dec_ov2",
          tenantId: t.tenant.id,
          requestId: "o2",
          allowed: false,
          code: "zz_test_code",
          httpStatus: 402,
          details: {},
          createdAt: new Date(NOW.getTime() - 2 * 86_400_000),
        },
      ],
    });
    const refusals = await refusalsByCode(pool, NOW);
    expect(refusals.find((r) => r.code === "zz_test_code")?.count).toBe(1);
    const before = await monthMoney(pool, NOW);
    const credit = (kind: "STRIPE" | "ADMIN_TOKEN", amount: bigint, at: string, key: string) =>
      grantCredits(
        db.prisma,
        { kind, id: null, ip: null },
        { tenantId: t.tenant.id, amount, reason: "test", idempotencyKey: key, expiresAt: null },
        new Date(at),
      );
    await credit("STRIPE", 5_000_000n, "2026-03-02T00:00:00Z", "topup-march");
    await credit("STRIPE", 9_000_000n, "2026-02-27T00:00:00Z", "topup-february");
    await credit("ADMIN_TOKEN", 2_000_000n, "2026-03-03T00:00:00Z", "grant-march");
    const after = await monthMoney(pool, NOW);
    expect(after.sold - before.sold).toBe(5_000_000n);
    expect(after.granted - before.granted).toBe(2_000_000n);
    await db.prisma.creditBalance.update({ where: { tenantId: t.tenant.id }, data: { available: 0n } });
    const { byState, attention } = summarizeTenants(
      await loadTenantStates(pool, NOW),
      await loadModelPrices(pool),
      NOW,
    );
    expect(byState.total).toBe(byState.ok + byState.warn + byState.refusing);
    const mine = attention.find((a) => a.tenantId === t.tenant.id);
    expect(mine).toMatchObject({ level: "refusing" });
    expect(mine!.reasons[0]).toContain("credits_exhausted");
    const levels = attention.map((a) => a.level);
    expect(levels).toEqual([...levels].sort((a, b) => (a === b ? 0 : a === "refusing" ? -1 : 1)));
    expect(levels).not.toContain("ok");
  });
});

describe("CSV export", () => {
  it("escapes fields and defuses spreadsheet formulas", async () => {
    const { csvLine } = await import("@/lib/dashboard/csv-export");
    expect(csvLine(["a,b", 'say "hi"', "=SUM(A1)", -5, null, "line\nbreak"])).toBe(
      `"a,b","say ""hi""",'=SUM(A1),-5,,"line\nbreak"\r\n`,
    );
  });

  it("streams every row of one tenant in keyset batches, never another tenant's", async () => {
    const { exportCsv, exportFilterSchema } = await import("@/lib/dashboard/csv-export");
    const a = await createTenantWithKey(db.prisma, { slug: "csv-a", available: 0n });
    const b = await createTenantWithKey(db.prisma, { slug: "csv-b", available: 0n });
    const rows = (tenantId: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        tenantId,
        requestId: `${tenantId}-${i}`,
        model: "m",
        inputTokens: i,
        outputTokens: 0,
        cost: BigInt(i),
        occurredAt: new Date(Date.UTC(2026, 2, 1 + (i % 5))),
      }));
    await db.prisma.usageEvent.createMany({ data: [...rows(a.tenant.id, 7), ...rows(b.tenant.id, 3)] });
    const chunks: string[] = [];
    for await (const c of exportCsv(pool, "usage", exportFilterSchema.parse({ tenantId: a.tenant.id }), {
      batchSize: 3,
    }))
      chunks.push(c);
    expect(chunks).toHaveLength(1 + 3); // header + 3 + 3 + 1
    const lines = chunks.join("").trim().split("\r\n");
    expect(lines[0]).toBe(
      "occurred_at,tenant_id,api_key_id,request_id,model,feature,input_tokens,output_tokens,cost_micro_usd",
    );
    expect(lines).toHaveLength(8);
    expect(lines.slice(1).every((l) => l.includes(a.tenant.id) && !l.includes(b.tenant.id))).toBe(true);
    const ranged: string[] = [];
    for await (const c of exportCsv(
      pool,
      "usage",
      exportFilterSchema.parse({ tenantId: a.tenant.id, from: "2026-03-02", to: "2026-03-03" }),
    ))
      ranged.push(c);
    expect(ranged.join("").trim().split("\r\n")).toHaveLength(1 + 3); // days 2 and 3 of i = 1, 2, 6

    await db.prisma.decision.createMany({
      data: Array.from({ length: 5 }, (_, i) => ({
        id: `dec_csv${i}`,
        tenantId: a.tenant.id,
        requestId: `c${i}`,
        allowed: false,
        code: "quota_exceeded",
        httpStatus: 402,
        details: { note: "x,y" },
        createdAt: new Date(Date.UTC(2026, 2, 1, 0, 0, i % 2)),
      })),
    });
    const dec: string[] = [];
    for await (const c of exportCsv(
      pool,
      "decisions",
      exportFilterSchema.parse({ tenantId: a.tenant.id, outcome: "refused" }),
      { batchSize: 2 },
    ))
      dec.push(c);
    const ids = dec
      .join("")
      .trim()
      .split("\r\n")
      .slice(1)
      .map((l) => /dec_csv\d/.exec(l)![0]);
    expect(new Set(ids).size).toBe(5);
  });

  // Five decisions of two keys around 8 March 2026, the day New York's clocks go forward (a 23 h
  // local day, 05:00Z to 04:00Z), plus one of another tenant inside every range.
  describe("decisions export filters (the page's filters forwarded by the export links)", () => {
    const at = (iso: string) => new Date(iso);
    const setUp = async () => {
      const c = await createTenantWithKey(db.prisma, { slug: "csv-filters", available: 0n });
      const other = await createTenantWithKey(db.prisma, { slug: "csv-filters-other", available: 0n });
      const k2 = await db.prisma.apiKey.create({
        data: {
          tenantId: c.tenant.id,
          name: "second",
          prefix: "tg_second",
          hash: "h-second",
          status: "ACTIVE",
          allowedModels: [],
        },
      });
      const row = (
        id: string,
        apiKeyId: string,
        allowed: boolean,
        code: string | null,
        createdAt: Date,
        tenantId = c.tenant.id,
      ) => ({
        id,
        tenantId,
        apiKeyId,
        requestId: id,
        allowed,
        code,
        httpStatus: allowed ? 200 : 402,
        details: {},
        createdAt,
      });
      await db.prisma.decision.createMany({
        data: [
          row("dec_f1", c.apiKey.id, true, null, at("2026-03-07T23:30:00Z")), // NY 7 Mar 18:30
          row("dec_f2", c.apiKey.id, false, "quota_exceeded", at("2026-03-08T04:30:00Z")), // NY 7 Mar 23:30 EST
          row("dec_f3", k2.id, false, "credits_exhausted", at("2026-03-08T05:30:00Z")), // NY 8 Mar 00:30 EST
          row("dec_f4", k2.id, true, null, at("2026-03-09T03:30:00Z")), // NY 8 Mar 23:30 EDT
          row("dec_f5", c.apiKey.id, false, "quota_exceeded", at("2026-03-09T04:30:00Z")), // NY 9 Mar 00:30 EDT
          row(
            "dec_fx",
            other.apiKey.id,
            false,
            "quota_exceeded",
            at("2026-03-08T12:00:00Z"),
            other.tenant.id,
          ),
        ],
      });
      return { tenantId: c.tenant.id, k1: c.apiKey.id, k2: k2.id, otherKey: other.apiKey.id };
    };
    // Set up once, by the first case (beforeAll has made the database by then).
    let ready: ReturnType<typeof setUp> | undefined;
    const cases: Array<{
      name: string;
      filter: (t: Awaited<ReturnType<typeof setUp>>) => Record<string, string>;
      timeZone?: string;
      ids: string[];
    }> = [
      { name: "no filter", filter: () => ({}), ids: ["dec_f1", "dec_f2", "dec_f3", "dec_f4", "dec_f5"] },
      { name: "one key", filter: (t) => ({ keyId: t.k2 }), ids: ["dec_f3", "dec_f4"] },
      {
        name: "key and outcome",
        filter: (t) => ({ keyId: t.k1, outcome: "refused" }),
        ids: ["dec_f2", "dec_f5"],
      },
      { name: "code", filter: () => ({ code: "quota_exceeded" }), ids: ["dec_f2", "dec_f5"] },
      { name: "allowed only", filter: () => ({ outcome: "allowed" }), ids: ["dec_f1", "dec_f4"] },
      {
        name: "one UTC day",
        filter: () => ({ from: "2026-03-08", to: "2026-03-08" }),
        ids: ["dec_f2", "dec_f3"],
      },
      {
        name: "one New York day across the DST change",
        filter: () => ({ from: "2026-03-08", to: "2026-03-08" }),
        timeZone: "America/New_York",
        ids: ["dec_f3", "dec_f4"],
      },
      {
        name: "from a New York day, one key",
        filter: (t) => ({ from: "2026-03-08", keyId: t.k1 }),
        timeZone: "America/New_York",
        ids: ["dec_f5"],
      },
      {
        name: "up to a New York day",
        filter: () => ({ to: "2026-03-07" }),
        timeZone: "America/New_York",
        ids: ["dec_f1", "dec_f2"],
      },
      { name: "another tenant's key", filter: (t) => ({ keyId: t.otherKey }), ids: [] },
    ];
    it.each(cases)("$name", async ({ filter, timeZone, ids }) => {
      const t = await (ready ??= setUp());
      const { exportCsv, exportFilterSchema } = await import("@/lib/dashboard/csv-export");
      const out: string[] = [];
      for await (const chunk of exportCsv(
        pool,
        "decisions",
        exportFilterSchema.parse({ tenantId: t.tenantId, ...filter(t) }),
        { timeZone },
      ))
        out.push(chunk);
      const lines = out.join("").trim().split("\r\n").slice(1);
      expect(lines.map((l) => /dec_f\w/.exec(l)![0])).toEqual(ids);
    });
  });
});
