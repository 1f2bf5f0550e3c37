// The read API over real HTTP against real PostgreSQL: the admin's paged lists (tenants, and a
// tenant's keys, ledger, decisions and usage), one decision by id, and a tenant's own usage.
// Pages are walked to the end (hasMore), rows sharing a createdAt included; filters; tenancy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { generateApiKey } from "@/lib/keys/api-key";
import { localDate } from "@/lib/time/tenant-calendar";
import { startAdminServer, type AdminServer } from "@/test/admin-server";
import { TEST_MODEL } from "@/test/fixtures";
import { serveRoutes } from "@/test/serve-route";

let s: AdminServer;
let gateway: { url: string; close(): Promise<void> };

const T0 = Date.parse("2026-11-01T12:00:00.000Z");
const minutes = (n: number) => new Date(T0 + n * 60_000);
const id = (i: number) => `ten_${String(i).padStart(2, "0")}`;
/** Tenants 3, 4 and 5 share a createdAt: their order is by id, descending. */
const createdAt = (i: number) => minutes([3, 4, 5].includes(i) ? 4 : i);

// Twelve tenants. Even: the free plan, no subscription. Odd: "pro" (paid, 7 days' grace) with a
// subscription, except 9 (none) and 11 (canceled). Refusing now: no credits (every third), the
// suspended one (7), no subscription on a paid plan (9), canceled (11). 5 is past due, in grace.
const REFUSING = [0, 3, 6, 7, 9, 11];
const NEWEST_FIRST = [11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
const SUBSCRIPTION: Record<number, "active" | "past_due" | "canceled"> = {
  1: "active",
  3: "active",
  5: "past_due",
  7: "active",
  11: "canceled",
};

const secrets: Record<string, string> = {};

beforeAll(async () => {
  s = await startAdminServer("admin_reads");
  gateway = await serveRoutes(["/api/v1/authorize", "/api/v1/usage"]);
  const p = s.db.prisma;
  await p.model.create({ data: TEST_MODEL });
  const free = await p.plan.create({
    data: {
      key: "free",
      name: "Free",
      requestsPerMinute: 1_000,
      features: [],
      allowedModels: [],
      topUpAmounts: [],
    },
  });
  const pro = await p.plan.create({
    data: {
      key: "pro",
      name: "Pro",
      monthlyPrice: 49_000_000n,
      pastDueGraceDays: 7,
      requestsPerMinute: 1_000,
      features: [],
      allowedModels: [],
      topUpAmounts: [],
    },
  });
  for (let i = 0; i < 12; i++) {
    await p.tenant.create({
      data: {
        id: id(i),
        name: `Tenant ${i}`,
        slug: `tenant-${i}`,
        planId: i % 2 ? pro.id : free.id,
        status: i === 7 ? "SUSPENDED" : "ACTIVE",
        timeZone: i === 1 ? "America/New_York" : "UTC",
        createdAt: createdAt(i),
        creditBalance: { create: { available: i % 3 === 0 ? 0n : 1_000_000n } },
      },
    });
    const status = SUBSCRIPTION[i];
    if (status)
      await p.subscription.create({
        data: {
          tenantId: id(i),
          mode: "MANUAL",
          status,
          pastDueSince: status === "past_due" ? new Date(Date.now() - 86_400_000) : null,
        },
      });
  }
  // API keys with secrets for tenants 1 and 2 (their own usage reads) and 0 (no credits: refused).
  for (const i of [0, 1, 2]) {
    const key = generateApiKey("test");
    await p.apiKey.create({
      data: {
        id: `key_${i}`,
        tenantId: id(i),
        name: "gateway",
        prefix: key.prefix,
        hash: key.hash,
        allowedModels: [],
      },
    });
    secrets[id(i)] = key.secret;
  }
});
afterAll(async () => {
  await gateway?.close();
  await (await import("@/lib/authorize/runtime")).decisionDeps().recorder.flush();
  await (await import("@/lib/db/pool")).pool().end();
  await s?.close();
});

const get = async (path: string, headers?: Record<string, string>) => {
  const res = await s.call("GET", path, undefined, headers);
  return { status: res.status, type: res.headers.get("content-type"), body: await res.json() };
};

/** Follows `startingAfter` to the last page; answers every page's ids and hasMore. */
async function walk(path: string, limit: number) {
  const pages: Array<{ ids: string[]; hasMore: boolean }> = [];
  let after: string | undefined;
  for (;;) {
    const sep = path.includes("?") ? "&" : "?";
    const res = await get(`${path}${sep}limit=${limit}${after ? `&startingAfter=${after}` : ""}`);
    expect(res.status).toBe(200);
    const ids = res.body.data.map((d: { id: string }) => d.id);
    pages.push({ ids, hasMore: res.body.hasMore });
    if (!res.body.hasMore) return pages;
    after = ids[ids.length - 1];
    expect(pages.length).toBeLessThan(50);
  }
}
const idsOf = (pages: Array<{ ids: string[] }>) => pages.flatMap((p) => p.ids);

async function expect422(path: string, field: string) {
  const res = await get(path);
  expect(res.status).toBe(422);
  expect(res.type).toBe("application/problem+json");
  expect(res.body).toMatchObject({ code: "validation_failed" });
  expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
}

describe("GET /api/v1/admin/tenants", () => {
  it("pages newest first across ties, and the pages add up to every tenant once", async () => {
    const pages = await walk("/api/v1/admin/tenants", 5);
    expect(pages.map((p) => [p.ids.length, p.hasMore])).toEqual([
      [5, true],
      [5, true],
      [2, false],
    ]);
    expect(idsOf(pages)).toEqual(NEWEST_FIRST.map(id));
    const first = await get("/api/v1/admin/tenants");
    expect(first.body.data).toHaveLength(12); // default limit 20
    expect(first.body.hasMore).toBe(false);
  });

  it("shows each tenant's plan, subscription, balance and whether its calls are refused", async () => {
    const { body } = await get("/api/v1/admin/tenants?limit=100");
    const byId = new Map(body.data.map((t: { id: string }) => [t.id, t]));
    expect(byId.get(id(7))).toMatchObject({
      slug: "tenant-7",
      planKey: "pro",
      status: "SUSPENDED",
      subscription: { status: "active", pastDueSince: null },
      balance: { available: "1000000", reserved: "0" },
      health: { level: "refusing", refusal: { code: "tenant_suspended" } },
    });
    expect(byId.get(id(0))).toMatchObject({
      planKey: "free",
      subscription: null,
      health: { level: "refusing", refusal: { code: "credits_exhausted" } },
    });
    expect(byId.get(id(5))).toMatchObject({
      subscription: { status: "past_due" },
      health: { level: "warn", refusal: null },
    });
    expect(
      (byId.get(id(5)) as { health: { warnings: Array<{ code: string }> } }).health.warnings.map(
        (w) => w.code,
      ),
    ).toContain("subscription_past_due");
    expect(byId.get(id(1))).toMatchObject({
      timeZone: "America/New_York",
      createdAt: createdAt(1).toISOString(),
    });
  });

  it.each([
    ["plan=pro", [11, 9, 7, 5, 3, 1]],
    ["status=SUSPENDED", [7]],
    ["subscription=none", [10, 9, 8, 6, 4, 2, 0]],
    ["subscription=past_due", [5]],
    ["refusing=true", REFUSING.slice().reverse()],
    ["refusing=false", [10, 8, 5, 4, 2, 1]],
    ["refusing=true&plan=pro", [11, 9, 7, 3]],
    ["refusing=false&subscription=active", [1]],
  ])("filters by %s, page after page", async (filter, expected) => {
    const pages = await walk(`/api/v1/admin/tenants?${filter}`, 2);
    expect(idsOf(pages)).toEqual(expected.map(id));
    expect(pages.slice(0, -1).every((p) => p.hasMore && p.ids.length === 2)).toBe(true);
    expect(pages.at(-1)!.hasMore).toBe(false);
  });

  it("resolves startingAfter to its place even when that tenant is not in the filtered list", async () => {
    const { body } = await get(`/api/v1/admin/tenants?plan=pro&startingAfter=${id(8)}`);
    expect(body.data.map((t: { id: string }) => t.id)).toEqual([7, 5, 3, 1].map(id));
  });

  it("fills a refusing page by scanning in chunks, with the same answer as one read", async () => {
    const { listTenants } = await import("@/lib/reads/tenants");
    const { pool } = await import("@/lib/db/pool");
    const found: string[] = [];
    let startingAfter: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await listTenants(pool(), { limit: 2, startingAfter, refusing: true }, { scanChunk: 3 });
      found.push(...page.data.map((t) => t.id));
      if (!page.hasMore) break;
      startingAfter = page.data.at(-1)!.id;
    }
    expect(found).toEqual(REFUSING.slice().reverse().map(id));
  });

  it("answers 422 for an unknown plan, an unknown startingAfter and a bad filter value", async () => {
    await expect422("/api/v1/admin/tenants?plan=platinum", "plan");
    await expect422("/api/v1/admin/tenants?startingAfter=ten_nope", "startingAfter");
    await expect422("/api/v1/admin/tenants?status=DELETED", "status");
    await expect422("/api/v1/admin/tenants?refusing=yes", "refusing");
    await expect422("/api/v1/admin/tenants?subscription=gone", "subscription");
  });
});

describe("GET /api/v1/admin/tenants/{id}/keys", () => {
  beforeAll(async () => {
    // Tenant 1 gets 12 more keys, four at one instant, three revoked; tenant 2 keeps its one.
    for (let k = 0; k < 12; k++)
      await s.db.prisma.apiKey.create({
        data: {
          id: `key_1_${String(k).padStart(2, "0")}`,
          tenantId: id(1),
          name: `k${k}`,
          prefix: "tg_test_x",
          hash: `hash-${k}`,
          allowedModels: [],
          status: k % 4 === 0 ? "REVOKED" : "ACTIVE",
          createdAt: k < 4 ? minutes(100) : minutes(100 + k),
        },
      });
  });

  it("pages a tenant's keys newest first, without secrets or hashes", async () => {
    const pages = await walk(`/api/v1/admin/tenants/${id(1)}/keys`, 5);
    expect(pages.map((p) => [p.ids.length, p.hasMore])).toEqual([
      [5, true],
      [5, true],
      [3, false],
    ]);
    const rows = await s.db.prisma.apiKey.findMany({
      where: { tenantId: id(1) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    expect(idsOf(pages)).toEqual(rows.map((r) => r.id));
    const { body } = await get(`/api/v1/admin/tenants/${id(1)}/keys?limit=1`);
    expect(Object.keys(body.data[0]).sort()).toEqual(
      [
        "id",
        "tenantId",
        "name",
        "prefix",
        "status",
        "models",
        "dailyBudget",
        "monthlyBudget",
        "createdAt",
        "approvedAt",
        "revokedAt",
        "lastUsedAt",
      ].sort(),
    );
    expect(JSON.stringify(body)).not.toMatch(/hash-|tg_test_[A-Za-z0-9_-]{20}/);
  });

  it("filters by status, and keeps to the tenant", async () => {
    expect(idsOf(await walk(`/api/v1/admin/tenants/${id(1)}/keys?status=REVOKED`, 2))).toEqual([
      "key_1_08",
      "key_1_04",
      "key_1_00",
    ]);
    expect(idsOf(await walk(`/api/v1/admin/tenants/${id(2)}/keys`, 5))).toEqual(["key_2"]);
    // Another tenant's key is not a place in this list.
    await expect422(`/api/v1/admin/tenants/${id(2)}/keys?startingAfter=key_1_00`, "startingAfter");
    const missing = await get("/api/v1/admin/tenants/ten_nope/keys");
    expect(missing).toMatchObject({ status: 404, body: { code: "not_found" } });
  });
});

describe("GET /api/v1/admin/tenants/{id}/ledger", () => {
  beforeAll(async () => {
    const at = minutes(200);
    const entry = (tenantId: string, n: number, kind: "GRANT" | "CHARGE") => ({
      tenantId,
      kind,
      amount: kind === "GRANT" ? 1_000_000n : -270n,
      balanceAfter: 1_000_000n * BigInt(n + 1),
      reason: kind === "GRANT" ? `grant ${n}` : null,
      idempotencyKey: `${tenantId}-${n}`,
      actorKind: "ADMIN_TOKEN" as const,
      createdAt: n < 6 ? at : minutes(201 + n),
    });
    await s.db.prisma.creditLedgerEntry.createMany({
      data: [
        ...Array.from({ length: 9 }, (_, n) => entry(id(1), n, n % 3 ? "CHARGE" : "GRANT")),
        ...Array.from({ length: 3 }, (_, n) => entry(id(2), n, "GRANT")),
      ],
    });
  });

  it("pages the tenant's entries newest first (ties by id), money as strings", async () => {
    const pages = await walk(`/api/v1/admin/tenants/${id(1)}/ledger`, 4);
    expect(pages.map((p) => [p.ids.length, p.hasMore])).toEqual([
      [4, true],
      [4, true],
      [1, false],
    ]);
    const rows = await s.db.prisma.creditLedgerEntry.findMany({
      where: { tenantId: id(1) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    expect(idsOf(pages)).toEqual(rows.map((r) => r.id.toString()));
    const { body } = await get(`/api/v1/admin/tenants/${id(1)}/ledger?limit=100&kind=GRANT`);
    expect(body.data).toHaveLength(3);
    expect(body.data.at(-1)).toEqual({
      id: expect.stringMatching(/^\d+$/),
      tenantId: id(1),
      kind: "GRANT",
      amount: "1000000",
      balanceAfter: "1000000",
      reservationId: null,
      grantId: null,
      stripeObjectId: null,
      actor: { kind: "ADMIN_TOKEN", id: null },
      reason: "grant 0",
      idempotencyKey: `${id(1)}-0`,
      createdAt: minutes(200).toISOString(),
    });
  });

  it("keeps to the tenant: another tenant's entry is no cursor here", async () => {
    const theirs = await s.db.prisma.creditLedgerEntry.findFirstOrThrow({ where: { tenantId: id(2) } });
    const { body } = await get(`/api/v1/admin/tenants/${id(2)}/ledger`);
    expect(body.data.every((e: { tenantId: string }) => e.tenantId === id(2))).toBe(true);
    expect(body.data).toHaveLength(3);
    await expect422(`/api/v1/admin/tenants/${id(1)}/ledger?startingAfter=${theirs.id}`, "startingAfter");
    await expect422(`/api/v1/admin/tenants/${id(1)}/ledger?startingAfter=abc`, "startingAfter");
    await expect422(`/api/v1/admin/tenants/${id(1)}/ledger?kind=GIFT`, "kind");
  });
});

describe("decisions", () => {
  const refusal = (code: string, n: number) => ({
    code,
    status: 402,
    scope: "balance",
    title: "Credits exhausted",
    detail: `refused ${n}`,
    retryable: false,
    remedy: { action: "top_up", url: "http://localhost:3000/app/billing#top-up" },
    limit: "450",
    used: "0",
    remaining: "0",
  });
  beforeAll(async () => {
    const rows = [
      ...Array.from({ length: 7 }, (_, n) => {
        const code = [
          null,
          "credits_exhausted",
          null,
          "rate_limited",
          "credits_exhausted",
          null,
          "tenant_suspended",
        ][n]!;
        return {
          id: `dec_1_${n}`,
          tenantId: id(1),
          apiKeyId: "key_1",
          requestId: `r-${n}`,
          model: "gpt-4o-mini",
          allowed: code === null,
          code,
          httpStatus: code === null ? 200 : 402,
          cost: code === null ? 450n : null,
          details: code === null ? { reservation: { id: `res_${n}`, amount: "450" } } : refusal(code, n),
          createdAt: n < 3 ? minutes(300) : minutes(300 + n),
        };
      }),
      {
        id: "dec_2_0",
        tenantId: id(2),
        apiKeyId: "key_2",
        requestId: "b-0",
        model: "gpt-4o-mini",
        allowed: false,
        code: "credits_exhausted",
        httpStatus: 402,
        details: refusal("credits_exhausted", 0),
        createdAt: minutes(300),
      },
      {
        id: "dec_none",
        requestId: "x",
        allowed: false,
        code: "key_unknown",
        httpStatus: 401,
        details: { code: "key_unknown", detail: "No API key matches." },
        createdAt: minutes(300),
      },
    ];
    await s.db.prisma.decision.createMany({ data: rows });
  });

  it("pages a tenant's decisions newest first and filters by outcome and code", async () => {
    const pages = await walk(`/api/v1/admin/tenants/${id(1)}/decisions`, 3);
    expect(pages.map((p) => [p.ids.length, p.hasMore])).toEqual([
      [3, true],
      [3, true],
      [1, false],
    ]);
    expect(idsOf(pages)).toEqual([
      "dec_1_6",
      "dec_1_5",
      "dec_1_4",
      "dec_1_3",
      "dec_1_2",
      "dec_1_1",
      "dec_1_0",
    ]);
    expect(idsOf(await walk(`/api/v1/admin/tenants/${id(1)}/decisions?outcome=refused`, 2))).toEqual([
      "dec_1_6",
      "dec_1_4",
      "dec_1_3",
      "dec_1_1",
    ]);
    expect(idsOf(await walk(`/api/v1/admin/tenants/${id(1)}/decisions?outcome=allowed`, 2))).toEqual([
      "dec_1_5",
      "dec_1_2",
      "dec_1_0",
    ]);
    expect(idsOf(await walk(`/api/v1/admin/tenants/${id(1)}/decisions?code=credits_exhausted`, 5))).toEqual([
      "dec_1_4",
      "dec_1_1",
    ]);
    await expect422(`/api/v1/admin/tenants/${id(1)}/decisions?code=not_a_code`, "code");
    await expect422(`/api/v1/admin/tenants/${id(1)}/decisions?startingAfter=dec_2_0`, "startingAfter");
    expect((await get("/api/v1/admin/tenants/ten_nope/decisions")).status).toBe(404);
  });

  it("reads one decision by id across tenants, with its detail, remedy and numbers", async () => {
    const { status, body } = await get("/api/v1/admin/decisions/dec_2_0");
    expect(status).toBe(200);
    expect(body).toEqual({
      id: "dec_2_0",
      tenantId: id(2),
      apiKey: { id: "key_2", name: "gateway", prefix: expect.any(String) },
      requestId: "b-0",
      model: "gpt-4o-mini",
      feature: null,
      outcome: "refused",
      code: "credits_exhausted",
      httpStatus: 402,
      detail: "refused 0",
      remedy: { action: "top_up", url: "http://localhost:3000/app/billing#top-up" },
      retryable: false,
      numbers: { cost: null, limit: "450", used: "0", remaining: "0", resetsAt: null },
      reservationId: null,
      createdAt: minutes(300).toISOString(),
    });
    expect((await get("/api/v1/admin/decisions/dec_none")).body).toMatchObject({
      tenantId: null,
      apiKey: null,
      code: "key_unknown",
    });
    expect((await get("/api/v1/admin/decisions/dec_1_0")).body).toMatchObject({
      outcome: "allowed",
      code: null,
      numbers: { cost: "450" },
      reservationId: "res_0",
    });
    const missing = await get("/api/v1/admin/decisions/dec_nope");
    expect(missing).toMatchObject({
      status: 404,
      type: "application/problem+json",
      body: { code: "not_found" },
    });
  });

  it("reads decisions the live authorize path recorded", async () => {
    const authorize = (tenant: string, requestId: string) =>
      fetch(`${gateway.url}/api/v1/authorize`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${secrets[tenant]}` },
        body: JSON.stringify({ requestId, model: "gpt-4o-mini", inputTokens: 1000, maxOutputTokens: 500 }),
      }).then((r) => r.json());
    const refused = await authorize(id(0), "live-refused");
    const allowed = await authorize(id(2), "live-allowed");
    expect(refused.code).toBe("credits_exhausted");
    expect(allowed.allowed).toBe(true);
    await (await import("@/lib/authorize/runtime")).decisionDeps().recorder.flush();

    expect((await get(`/api/v1/admin/decisions/${refused.decisionId}`)).body).toMatchObject({
      tenantId: id(0),
      apiKey: { id: "key_0" },
      requestId: "live-refused",
      outcome: "refused",
      code: "credits_exhausted",
      httpStatus: 402,
      detail: refused.detail,
      remedy: refused.remedy,
      retryable: false,
      numbers: { limit: refused.limit, remaining: refused.remaining },
    });
    expect((await get(`/api/v1/admin/decisions/${allowed.decisionId}`)).body).toMatchObject({
      tenantId: id(2),
      outcome: "allowed",
      numbers: { cost: "450" },
      reservationId: allowed.reservation.id,
    });
  });
});

describe("usage: the admin's read and the tenant's own", () => {
  // Tenant 1 lives in New York; its rollups are keyed by its own calendar days.
  const today = localDate(new Date(), "America/New_York");
  const day = (n: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  const row = (tenantId: string, d: string, model: string, requests: number) => ({
    tenantId,
    day: new Date(`${d}T00:00:00Z`),
    model,
    requests,
    inputTokens: BigInt(requests * 1000),
    outputTokens: BigInt(requests * 200),
    cost: BigInt(requests * 270),
  });
  beforeAll(async () => {
    await s.db.prisma.usageRollup.createMany({
      data: [
        row(id(1), day(0), "gpt-4o-mini", 3),
        row(id(1), day(0), "gpt-4o", 1),
        row(id(1), day(1), "gpt-4o-mini", 2),
        row(id(1), day(29), "gpt-4o-mini", 5),
        row(id(1), day(30), "gpt-4o-mini", 7),
        row(id(2), localDate(new Date(), "UTC"), "gpt-4o-mini", 11),
      ],
    });
  });
  const own = async (secret: string | undefined, query = "") => {
    const res = await fetch(`${gateway.url}/api/v1/usage${query}`, {
      headers: secret ? { Authorization: `Bearer ${secret}` } : {},
    });
    return { status: res.status, type: res.headers.get("content-type"), body: await res.json() };
  };

  it("answers the 30 tenant-local days ending today by default, oldest first", async () => {
    const { status, body } = await get(`/api/v1/admin/tenants/${id(1)}/usage`);
    expect(status).toBe(200);
    expect(body).toEqual({
      timeZone: "America/New_York",
      from: day(29),
      to: day(0),
      data: [
        {
          day: day(29),
          model: "gpt-4o-mini",
          inputTokens: "5000",
          outputTokens: "1000",
          requests: 5,
          cost: "1350",
        },
        {
          day: day(1),
          model: "gpt-4o-mini",
          inputTokens: "2000",
          outputTokens: "400",
          requests: 2,
          cost: "540",
        },
        { day: day(0), model: "gpt-4o", inputTokens: "1000", outputTokens: "200", requests: 1, cost: "270" },
        {
          day: day(0),
          model: "gpt-4o-mini",
          inputTokens: "3000",
          outputTokens: "600",
          requests: 3,
          cost: "810",
        },
      ],
    });
    // The tenant's own key reads exactly the same.
    expect(await own(secrets[id(1)])).toMatchObject({ status: 200, body });
  });

  it("takes from and to, inclusive", async () => {
    const { body } = await get(`/api/v1/admin/tenants/${id(1)}/usage?from=${day(30)}&to=${day(1)}`);
    expect(body.data.map((r: { day: string; requests: number }) => [r.day, r.requests])).toEqual([
      [day(30), 7],
      [day(29), 5],
      [day(1), 2],
    ]);
    const fromOnly = await own(secrets[id(1)], `?from=${day(30)}`);
    expect(fromOnly.body).toMatchObject({ from: day(30), to: day(0) });
    expect(fromOnly.body.data).toHaveLength(5);
  });

  it("never shows another tenant's usage to a tenant key", async () => {
    const b = await own(secrets[id(2)], `?from=${day(40)}&to=${day(-2)}`);
    expect(b.status).toBe(200);
    expect(b.body.data).toEqual([expect.objectContaining({ model: "gpt-4o-mini", requests: 11 })]);
    // A tenant key has no way to name another tenant: the admin path refuses it, and a tenantId
    // parameter on its own read is an unknown parameter.
    const asAdmin = await get(`/api/v1/admin/tenants/${id(1)}/usage`, {
      Authorization: `Bearer ${secrets[id(2)]}`,
    });
    expect(asAdmin).toMatchObject({ status: 401, body: { code: "admin_token_invalid" } });
    const smuggled = await own(secrets[id(2)], `?tenantId=${id(1)}`);
    expect(smuggled).toMatchObject({ status: 422, body: { code: "validation_failed" } });
  });

  it.each([
    ["a backwards range", () => `?from=${day(1)}&to=${day(2)}`, "from"],
    ["more than 366 days", () => `?from=${day(400)}&to=${day(0)}`, "to"],
    ["an impossible date", () => "?from=2026-02-30", "from"],
    ["a date that is not YYYY-MM-DD", () => "?to=12/01/2026", "to"],
    ["an unknown parameter", () => "?model=gpt-4o", "(body)"],
  ])("answers %s with 422, admin and tenant alike", async (_name, query, field) => {
    await expect422(`/api/v1/admin/tenants/${id(1)}/usage${query()}`, field);
    const res = await own(secrets[id(1)], query());
    expect(res.status).toBe(422);
    expect(res.type).toBe("application/problem+json");
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
  });

  it("refuses a tenant read without a key, with an unknown key and with a revoked one", async () => {
    expect(await own(undefined)).toMatchObject({ status: 401, body: { code: "key_missing" } });
    expect(await own("tg_live_nope")).toMatchObject({ status: 401, body: { code: "key_unknown" } });
    const key = generateApiKey("test");
    await s.db.prisma.apiKey.create({
      data: {
        tenantId: id(1),
        name: "old",
        prefix: key.prefix,
        hash: key.hash,
        allowedModels: [],
        status: "REVOKED",
      },
    });
    expect(await own(key.secret)).toMatchObject({ status: 401, body: { code: "key_revoked" } });
    expect((await get("/api/v1/admin/tenants/ten_nope/usage")).status).toBe(404);
  });
});
