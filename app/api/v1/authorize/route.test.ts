// POST /api/v1/authorize over real HTTP against real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "@/test/db";
import { createTenantWithKey } from "@/test/fixtures";
import { startRouteServer } from "@/test/route-server";
import { serveRoutes } from "@/test/serve-route";

const COST = 450n; // 1,000 input + 500 output tokens of gpt-4o-mini
const call = { model: "gpt-4o-mini", inputTokens: 1000, maxOutputTokens: 500 };

let db: TestDatabase;
let server: { url: string; close(): Promise<void> };
let flushDecisions: () => Promise<void>;

beforeAll(async () => {
  db = await createTestDatabase("authorize");
  process.env.DATABASE_URL = db.url;
  process.env.TOLLGATE_PG_POOL = "20";
  const { decisionDeps } = await import("@/lib/authorize/runtime");
  flushDecisions = () => decisionDeps().recorder.flush();
  server = await serveRoutes(["/api/v1/authorize"]);
});
afterAll(async () => {
  await server?.close();
  const [{ pool }, { prisma }] = await Promise.all([import("@/lib/db/pool"), import("@/lib/db")]);
  await Promise.all([pool().end(), prisma.$disconnect()]);
  await db?.drop();
});

function post(secret: string | null, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/v1/authorize`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      ...(secret ? { Authorization: `Bearer ${secret}` } : {}),
      ...headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("POST /api/v1/authorize", () => {
  it("allows exactly 137 of 500 concurrent calls on a balance worth 137, refusing the rest with credits_exhausted", async () => {
    const { tenant, secret } = await createTenantWithKey(db.prisma, { slug: "race", available: COST * 137n });
    const responses = await Promise.all(
      Array.from({ length: 500 }, (_, i) => post(secret, { ...call, requestId: `r-${i}` })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(137);
    expect(statuses.filter((s) => s === 402)).toHaveLength(363);
    const refusal = await responses.find((r) => r.status === 402)!.json();
    expect(refusal).toMatchObject({
      code: "credits_exhausted",
      status: 402,
      retryable: false,
      remedy: { action: "top_up" },
    });

    const balance = await db.prisma.creditBalance.findUniqueOrThrow({ where: { tenantId: tenant.id } });
    expect(balance).toMatchObject({ available: 0n, reserved: COST * 137n });
    const ledger = await db.prisma.creditLedgerEntry.aggregate({
      where: { tenantId: tenant.id },
      _sum: { amount: true },
    });
    expect(COST * 137n + ledger._sum.amount!).toBe(balance.available);
    await flushDecisions();
    expect(await db.prisma.decision.count({ where: { tenantId: tenant.id, allowed: true } })).toBe(137);
    expect(
      await db.prisma.decision.count({ where: { tenantId: tenant.id, code: "credits_exhausted" } }),
    ).toBe(363);
  });

  it("answers the same requestId sent 10 times at once with one reservation", async () => {
    const { tenant, secret } = await createTenantWithKey(db.prisma, { slug: "idem", available: 1_000_000n });
    const bodies = await Promise.all(
      Array.from({ length: 10 }, () => post(secret, { ...call, requestId: "once" }).then((r) => r.json())),
    );
    expect(new Set(bodies.map((b) => b.reservation.id)).size).toBe(1);
    expect(new Set(bodies.map((b) => b.decisionId)).size).toBe(1);
    expect(bodies.every((b) => b.allowed === true && b.reservation.amount === "450")).toBe(true);
    expect(await db.prisma.creditBalance.findUniqueOrThrow({ where: { tenantId: tenant.id } })).toMatchObject(
      { available: 1_000_000n - COST, reserved: COST },
    );
    expect(await db.prisma.reservation.count({ where: { tenantId: tenant.id } })).toBe(1);
  });

  it("answers a retried allow with the very same body, one after another, without a second reservation or rate-limit hit", async () => {
    const { tenant, secret } = await createTenantWithKey(db.prisma, {
      slug: "idem-seq",
      available: 1_000_000n,
      planKey: "rpm-50",
      requestsPerMinute: 50,
    });
    const first = await (await post(secret, { ...call, requestId: "seq-1" })).json();
    const again = await (await post(secret, { ...call, requestId: "seq-1" })).json();
    expect(again).toEqual(first);
    expect(first.limits.rateLimit.remaining).toBe(49);
    // The retry spent no rate budget: the next new request is the second one counted.
    expect(
      (await (await post(secret, { ...call, requestId: "seq-2" })).json()).limits.rateLimit.remaining,
    ).toBe(48);
    expect(await db.prisma.reservation.count({ where: { tenantId: tenant.id } })).toBe(2);
    expect(await db.prisma.creditBalance.findUniqueOrThrow({ where: { tenantId: tenant.id } })).toMatchObject(
      { available: 1_000_000n - 2n * COST, reserved: 2n * COST },
    );
  });

  it("returns the documented allow body, and records the key's last use", async () => {
    const { secret, apiKey } = await createTenantWithKey(db.prisma, { slug: "shape", available: 1_000_000n });
    const res = await post(secret, { ...call, requestId: "shape-1" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      allowed: true,
      requestId: "shape-1",
      decisionId: expect.stringMatching(/^dec_/),
      reservation: { id: expect.stringMatching(/^res_/), amount: "450", expiresAt: expect.any(String) },
      balance: { available: String(1_000_000n - COST), reserved: "450" },
      limits: { quota: null, rateLimit: { limit: 100_000, remaining: 99_999 }, warnings: [] },
    });
    await expect
      .poll(async () => (await db.prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt)
      .not.toBeNull();
  });

  it("refuses an unknown or missing key with 401 key_unknown, and a revoked one with key_revoked", async () => {
    for (const secret of ["tg_live_nope", null]) {
      const res = await post(secret, { ...call, requestId: "k-1" });
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(await res.json()).toMatchObject({
        code: "key_unknown",
        title: "Unknown API key",
        requestId: "k-1",
        decisionId: expect.any(String),
      });
    }
    const { apiKey, secret } = await createTenantWithKey(db.prisma, {
      slug: "revoked",
      available: 1_000_000n,
    });
    expect((await post(secret, { ...call, requestId: "k-active" })).status).toBe(200); // now in the key cache
    await db.prisma.apiKey.update({ where: { id: apiKey.id }, data: { status: "REVOKED" } });
    // The cache is the deps' own: dropping it stands for its 5 s bound passing, without the wait.
    (await import("@/lib/authorize/runtime")).decisionDeps().contexts.clear();
    expect(await (await post(secret, { ...call, requestId: "k-2" })).json()).toMatchObject({
      code: "key_revoked",
      status: 401,
    });
  });

  it("rate limits with 429 and Retry-After, without reserving", async () => {
    const { tenant, secret } = await createTenantWithKey(db.prisma, {
      slug: "rl",
      available: 1_000_000n,
      planKey: "rl-plan",
      requestsPerMinute: 2,
    });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await post(secret, { ...call, requestId: `rl-${i}` }));
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 429]);
    const limited = statuses[2]!;
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await limited.json()).toMatchObject({
      code: "rate_limited",
      retryable: true,
      remedy: { action: "wait" },
      limit: "2",
      remaining: "0",
    });
    expect(await db.prisma.reservation.count({ where: { tenantId: tenant.id } })).toBe(2);
  });

  it("answers a retried refusal with the same decision, here and on another instance, until a new requestId", async () => {
    const { tenant, secret } = await createTenantWithKey(db.prisma, { slug: "replay", available: COST - 1n });
    const first = await post(secret, { ...call, requestId: "short-1" });
    expect(first.status).toBe(402);
    const refusal = await first.json();
    expect(refusal).toMatchObject({ code: "credits_exhausted", remaining: String(COST - 1n) });

    await db.prisma.creditBalance.update({
      where: { tenantId: tenant.id },
      data: { available: { increment: 1_000_000n } },
    });
    // Same instance, answered from memory before the decision log is written.
    const again = await post(secret, { ...call, requestId: "short-1" });
    expect(again.status).toBe(402);
    expect(await again.json()).toEqual(refusal);
    // Another instance knows it only from the Decision log.
    await flushDecisions();
    const other = await startRouteServer(db.url);
    try {
      const res = await fetch(`${other.url}/api/v1/authorize`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${secret}` },
        body: JSON.stringify({ ...call, requestId: "short-1" }),
      });
      expect(res.status).toBe(402);
      expect(await res.json()).toEqual(refusal);
    } finally {
      await other.kill();
    }
    expect(await db.prisma.reservation.count({ where: { tenantId: tenant.id } })).toBe(0);
    expect((await post(secret, { ...call, requestId: "short-2" })).status).toBe(200);
    await flushDecisions();
    expect(await db.prisma.decision.count({ where: { tenantId: tenant.id, requestId: "short-1" } })).toBe(1);
  });

  describe("bad input changes nothing", () => {
    const cases: Array<[string, () => Promise<Response>, number, RegExp]> = [
      ["unparsable JSON", () => post("x", "{not json"), 400, /bad_json/],
      [
        "wrong content type",
        () => post("x", "requestId=1", { "Content-Type": "text/plain" }),
        415,
        /unsupported_media_type/,
      ],
      [
        "a body over 1 MB",
        () => post("x", JSON.stringify({ requestId: "big", model: "m", pad: "x".repeat(1_100_000) })),
        413,
        /payload_too_large/,
      ],
      [
        "schema violations",
        () =>
          post("x", {
            requestId: "",
            model: "gpt-4o-mini",
            inputTokens: -1,
            maxOutputTokens: 1.5,
            extra: true,
          }),
        422,
        /validation_failed/,
      ],
    ];
    it.each(cases)("%s → %i problem+json", async (_name, send, status, type) => {
      const before = await Promise.all([db.prisma.reservation.count(), db.prisma.creditLedgerEntry.count()]);
      await flushDecisions();
      const decisionsBefore = await db.prisma.decision.count();
      const res = await send();
      expect(res.status).toBe(status);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      const body = await res.json();
      expect(body.type).toMatch(type);
      expect(body).toMatchObject({ status, title: expect.any(String) });
      await flushDecisions();
      expect(await Promise.all([db.prisma.reservation.count(), db.prisma.creditLedgerEntry.count()])).toEqual(
        before,
      );
      expect(await db.prisma.decision.count()).toBe(decisionsBefore);
    });

    it("lists every field's problem on a 422", async () => {
      const body = await (
        await post("x", {
          requestId: "",
          model: "gpt-4o-mini",
          inputTokens: -1,
          maxOutputTokens: 1.5,
          extra: true,
        })
      ).json();
      const paths = body.errors.map((e: { path: string }) => e.path);
      expect(paths).toEqual(expect.arrayContaining(["requestId", "inputTokens", "maxOutputTokens"]));
      expect(JSON.stringify(body)).toMatch(/extra/);
    });
  });
});
