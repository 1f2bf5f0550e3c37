// POST /api/v1/usage and GET /api/v1/balance over real HTTP against real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { quotaPeriod } from "@/lib/time/tenant-calendar";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { createTenantWithKey } from "@/test/fixtures";
import { startRouteServer } from "@/test/route-server";
import { serveRoutes } from "@/test/serve-route";

let db: TestDatabase;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  db = await createTestDatabase("usage");
  process.env.DATABASE_URL = db.url;
  server = await serveRoutes(["/api/v1/authorize", "/api/v1/usage", "/api/v1/balance"]);
});
afterAll(async () => {
  await server?.close();
  const [{ pool }, { prisma }] = await Promise.all([import("@/lib/db/pool"), import("@/lib/db")]);
  await Promise.all([pool().end(), prisma.$disconnect()]);
  await db?.drop();
});

const send = (base: string, route: string, secret: string, body: unknown) =>
  fetch(`${base}${route}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${secret}` },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const post = (route: string, secret: string, body: unknown) => send(server.url, route, secret, body);
const event = (requestId: string, extra: Record<string, unknown> = {}) => ({
  requestId,
  model: "gpt-4o-mini",
  inputTokens: 1000,
  outputTokens: 200,
  ...extra,
});
// 1,000 in + 200 out of gpt-4o-mini = 150 + 120 = 270 µUSD; the authorize below reserves 450.

async function ledgerMatchesBalance(tenantId: string, start: bigint) {
  const [balance, ledger] = await Promise.all([
    db.prisma.creditBalance.findUniqueOrThrow({ where: { tenantId } }),
    db.prisma.creditLedgerEntry.aggregate({ where: { tenantId }, _sum: { amount: true } }),
  ]);
  expect(start + (ledger._sum.amount ?? 0n)).toBe(balance.available);
  const held = await db.prisma.reservation.aggregate({
    where: { tenantId, status: "HELD" },
    _sum: { amount: true },
  });
  expect(held._sum.amount ?? 0n).toBe(balance.reserved);
  return balance;
}

describe("POST /api/v1/usage", () => {
  it("settles a reservation: charges the actual cost and releases the rest", async () => {
    const { tenant, secret } = await createTenantWithKey(db.prisma, { slug: "settle", available: 10_000n });
    const auth = await (
      await post("/api/v1/authorize", secret, {
        requestId: "call-1",
        model: "gpt-4o-mini",
        inputTokens: 1000,
        maxOutputTokens: 500,
      })
    ).json();
    expect(auth.reservation.amount).toBe("450");
    const res = await post("/api/v1/usage", secret, event("call-1", { reservationId: auth.reservation.id }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      accepted: 1,
      duplicates: 0,
      rejected: 0,
      results: [{ status: "accepted", cost: "270" }],
      balance: { available: "9730", reserved: "0" },
    });
    expect(
      await db.prisma.reservation.findUniqueOrThrow({ where: { id: auth.reservation.id } }),
    ).toMatchObject({ status: "SETTLED" });
    const kinds = (
      await db.prisma.creditLedgerEntry.findMany({ where: { tenantId: tenant.id }, orderBy: { id: "asc" } })
    ).map((l) => [l.kind, l.amount]);
    expect(kinds).toEqual([
      ["RESERVE", -450n],
      ["RELEASE", 450n],
      ["CHARGE", -270n],
    ]);
    await ledgerMatchesBalance(tenant.id, 10_000n);
  });

  it("charges usage without a reservation directly, even below zero, and the next authorize refuses", async () => {
    const { tenant, secret } = await createTenantWithKey(db.prisma, { slug: "direct", available: 300n });
    const body = await (await post("/api/v1/usage", secret, [event("d-1"), event("d-2")])).json();
    expect(body).toMatchObject({ accepted: 2, balance: { available: "-240" } });
    await ledgerMatchesBalance(tenant.id, 300n);
    const refused = await post("/api/v1/authorize", secret, {
      requestId: "after",
      model: "gpt-4o-mini",
      inputTokens: 1,
    });
    expect(refused.status).toBe(402);
    expect(await refused.json()).toMatchObject({ code: "credits_exhausted" });
  });

  it("applies the same batch sent 10 times at once exactly once", async () => {
    const { tenant, secret } = await createTenantWithKey(db.prisma, {
      slug: "tenfold",
      available: 1_000_000n,
    });
    const batch = Array.from({ length: 50 }, (_, i) => event(`b-${i}`));
    const bodies = await Promise.all(
      Array.from({ length: 10 }, () => post("/api/v1/usage", secret, batch).then((r) => r.json())),
    );
    expect(bodies.map((b) => b.accepted).sort((a, b) => b - a)).toEqual([50, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(bodies.filter((b) => b.duplicates === 50)).toHaveLength(9);
    expect(await db.prisma.usageEvent.count({ where: { tenantId: tenant.id } })).toBe(50);
    const balance = await ledgerMatchesBalance(tenant.id, 1_000_000n);
    expect(balance.available).toBe(1_000_000n - 50n * 270n);
    const quota = await db.prisma.quotaUsage.findMany({ where: { tenantId: tenant.id } });
    expect(quota.map((q) => q.tokensUsed)).toEqual([50n * 1200n]);
  });

  it("applies the valid events of a mixed batch and says why the others were rejected", async () => {
    const { tenant, secret } = await createTenantWithKey(db.prisma, { slug: "mixed", available: 1_000_000n });
    const body = await (
      await post("/api/v1/usage", secret, [
        event("m-1"),
        event("m-2", { inputTokens: -5 }),
        event("m-3", { model: "no-such-model" }),
        { nonsense: true },
        event("m-1"),
        event("m-4", { occurredAt: new Date(Date.now() + 3_600_000).toISOString() }),
      ])
    ).json();
    expect(body.results.map((r: { status: string }) => r.status)).toEqual([
      "accepted",
      "rejected",
      "rejected",
      "rejected",
      "duplicate",
      "rejected",
    ]);
    expect(body.results[1].reason).toMatch(/inputTokens: must not be negative/);
    expect(body.results[2].reason).toMatch(/unknown model/);
    expect(body.results[5].reason).toMatch(/future/);
    expect(await db.prisma.usageEvent.count({ where: { tenantId: tenant.id } })).toBe(1);
  });

  describe("bad input changes nothing", () => {
    const cases: Array<[string, (secret: string) => Promise<Response>, number, string, string[]]> = [
      ["unparsable JSON", (k) => post("/api/v1/usage", k, "[{not json"), 400, "bad_json", []],
      [
        "wrong content type",
        (k) =>
          fetch(`${server.url}/api/v1/usage`, {
            method: "POST",
            headers: { "Content-Type": "text/csv", Authorization: `Bearer ${k}` },
            body: "requestId,model",
          }),
        415,
        "unsupported_media_type",
        [],
      ],
      [
        "a body over 1 MB",
        (k) =>
          post(
            "/api/v1/usage",
            k,
            Array.from({ length: 900 }, (_, i) => event(`big-${i}`, { feature: "x".repeat(1_200) })),
          ),
        413,
        "payload_too_large",
        [],
      ],
      [
        "more than 1,000 events",
        (k) =>
          post(
            "/api/v1/usage",
            k,
            Array.from({ length: 1_001 }, (_, i) => event(`many-${i}`)),
          ),
        422,
        "validation_failed",
        ["(body)"],
      ],
      ["an empty batch", (k) => post("/api/v1/usage", k, []), 422, "validation_failed", ["(body)"]],
      [
        "a single event with bad fields",
        (k) => post("/api/v1/usage", k, { requestId: "", model: "", inputTokens: 1.5, outputTokens: -1 }),
        422,
        "validation_failed",
        ["requestId", "model", "inputTokens", "outputTokens"],
      ],
    ];
    it.each(cases.map((c, i) => [...c, i] as const))(
      "%s → %i problem+json",
      async (_name, send, status, code, paths, i) => {
        const { tenant, secret } = await createTenantWithKey(db.prisma, {
          slug: `bad-input-${i}`,
          available: 1_000_000n,
        });
        const counts = () =>
          Promise.all([
            db.prisma.usageEvent.count({ where: { tenantId: tenant.id } }),
            db.prisma.creditLedgerEntry.count({ where: { tenantId: tenant.id } }),
            db.prisma.quotaUsage.count({ where: { tenantId: tenant.id } }),
            db.prisma.usageRollup.count({ where: { tenantId: tenant.id } }),
          ]);
        const res = await send(secret);
        expect(res.status).toBe(status);
        expect(res.headers.get("content-type")).toBe("application/problem+json");
        const body = await res.json();
        expect(body).toMatchObject({
          type: expect.stringContaining(code),
          code,
          status,
          title: expect.any(String),
        });
        if (paths.length)
          expect(body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(paths));
        expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|SELECT|INSERT/);
        expect(await counts()).toEqual([0, 0, 0, 0]);
        expect(
          await db.prisma.creditBalance.findUniqueOrThrow({ where: { tenantId: tenant.id } }),
        ).toMatchObject({ available: 1_000_000n, reserved: 0n });
      },
    );
  });

  it("cuts quota months and chart days in the tenant's zone", async () => {
    const { tenant, secret } = await createTenantWithKey(db.prisma, {
      slug: "kolkata",
      available: 1_000_000n,
      timeZone: "Asia/Kolkata",
    });
    // 19:00 UTC on Oct 31 is 00:30 on Nov 1 in Kolkata.
    const ingest = await (
      await post("/api/v1/usage", secret, [
        event("k-1", { occurredAt: "2026-10-31T19:00:00Z" }),
        event("k-2", { occurredAt: "2026-10-31T18:00:00Z" }),
      ])
    ).json();
    expect(ingest).toMatchObject({ accepted: 2 });
    const rollups = await db.prisma.usageRollup.findMany({
      where: { tenantId: tenant.id },
      orderBy: { day: "asc" },
    });
    expect(rollups.map((r) => [r.day.toISOString().slice(0, 10), r.requests])).toEqual([
      ["2026-10-31", 1],
      ["2026-11-01", 1],
    ]);
    const quotas = await db.prisma.quotaUsage.findMany({
      where: { tenantId: tenant.id },
      orderBy: { periodStart: "asc" },
    });
    expect(quotas.map((q) => q.periodStart.toISOString())).toEqual([
      "2026-09-30T18:30:00.000Z",
      "2026-10-31T18:30:00.000Z",
    ]);
  });

  it.each([
    ["not JSON", "{oops", 400],
    ["more than 1,000 events", Array.from({ length: 1001 }, (_, i) => event(`x-${i}`)), 422],
    ["an empty batch", [], 422],
  ])("refuses %s with %i and writes nothing", async (_name, body, status) => {
    const { tenant, secret } = await createTenantWithKey(db.prisma, {
      slug: `bad-${status}-${String(_name).length}`,
      available: 1_000n,
    });
    const res = await post("/api/v1/usage", secret, body);
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await db.prisma.usageEvent.count({ where: { tenantId: tenant.id } })).toBe(0);
  });

  it("refuses an unknown key with 401 problem+json", async () => {
    const res = await post("/api/v1/usage", "tg_live_unknown", event("u-1"));
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: "key_unknown", status: 401 });
  });

  it("takes a revoked key's usage for the calls it was authorized for before, and nothing else", async () => {
    const { tenant, secret, apiKey } = await createTenantWithKey(db.prisma, {
      slug: "revoked-usage",
      available: 10_000n,
    });
    const auth = await (
      await post("/api/v1/authorize", secret, {
        requestId: "before",
        model: "gpt-4o-mini",
        inputTokens: 1000,
        maxOutputTokens: 500,
      })
    ).json();
    expect((await (await post("/api/v1/usage", secret, event("reported-early"))).json()).accepted).toBe(1);
    await db.prisma.apiKey.update({
      where: { id: apiKey.id },
      data: { status: "REVOKED", revokedAt: new Date() },
    });
    const { clearContextCache } = await import("@/lib/keys/key-context");
    clearContextCache();

    const body = await (
      await post("/api/v1/usage", secret, [
        event("before", { reservationId: auth.reservation.id }),
        event("after"),
        event("reported-early"),
      ])
    ).json();
    expect(body).toMatchObject({ accepted: 1, duplicates: 1, rejected: 1 });
    expect(body.results.map((r: { status: string }) => r.status)).toEqual([
      "accepted",
      "rejected",
      "duplicate",
    ]);
    expect(body.results[1].reason).toMatch(/^key_revoked/);
    expect(await db.prisma.usageEvent.count({ where: { tenantId: tenant.id, requestId: "after" } })).toBe(0);
    expect(
      await db.prisma.reservation.findUniqueOrThrow({ where: { id: auth.reservation.id } }),
    ).toMatchObject({ status: "SETTLED" });
    await ledgerMatchesBalance(tenant.id, 10_000n);
    // Everything else still refuses the revoked key.
    expect(
      (await fetch(`${server.url}/api/v1/balance`, { headers: { Authorization: `Bearer ${secret}` } }))
        .status,
    ).toBe(401);
  });

  it("keeps an acknowledged batch when the server is killed with SIGKILL right after answering", async () => {
    const { tenant, secret } = await createTenantWithKey(db.prisma, { slug: "crash", available: 1_000_000n });
    const start = () => startRouteServer(db.url);
    const first = await start();
    const batch = Array.from({ length: 100 }, (_, i) => event(`c-${i}`));
    const res = await send(first.url, "/api/v1/usage", secret, batch);
    expect(res.status).toBe(200);
    expect((await res.json()).accepted).toBe(100);
    await first.kill();
    await expect(fetch(`${first.url}/api/v1/balance`)).rejects.toThrow(); // really gone

    const second = await start();
    const balance = await (
      await fetch(`${second.url}/api/v1/balance`, { headers: { Authorization: `Bearer ${secret}` } })
    ).json();
    expect(balance.balance.available).toBe(String(1_000_000n - 100n * 270n));
    expect(await db.prisma.usageEvent.count({ where: { tenantId: tenant.id } })).toBe(100);
    // The retry a gateway makes after losing its connection is a duplicate, not a second charge.
    expect(await (await send(second.url, "/api/v1/usage", secret, batch)).json()).toMatchObject({
      accepted: 0,
      duplicates: 100,
    });
    await second.kill();
  });
});

describe("GET /api/v1/balance", () => {
  it("reports balance, quota, plan and days of credit left at the 7-day burn rate", async () => {
    const { secret } = await createTenantWithKey(db.prisma, { slug: "report", available: 1_000_000n });
    const now = Date.now();
    const ago = (days: number) => new Date(now - days * 86_400_000);
    // 7 days × 10 calls × 270 µUSD = 18,900 µUSD over the window → 2,700 µUSD a day.
    const times = Array.from({ length: 70 }, (_, i) => ago(i % 7));
    await post(
      "/api/v1/usage",
      secret,
      times.map((at, i) => event(`w-${i}`, { occurredAt: at.toISOString() })),
    );
    // The quota counts this month only (the window may reach into last month, early in a month).
    const monthStart = quotaPeriod(new Date(now), "UTC").start;
    const inMonth = times.filter((at) => at >= monthStart).length;
    const res = await fetch(`${server.url}/api/v1/balance`, {
      headers: { Authorization: `Bearer ${secret}` },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      balance: { available: String(1_000_000 - 18_900), reserved: "0" },
      quota: { limit: null, used: String(inMonth * 1200) },
      plan: { key: "test-plan" },
      burnRate: { perDay: "2700", window: "7d" },
    });
    expect(body.daysOfCreditLeft).toBeCloseTo((1_000_000 - 18_900) / 2_700, 0);
  });
});
