// POST /api/v1/release over real HTTP against real PostgreSQL: giving a hold back, idempotency,
// tenancy, keys, bad input, and usage reported after a release (still charged, once).
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createRule, eventsOf } from "@/test/alert-fixtures";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { createTenantWithKey } from "@/test/fixtures";
import { serveRoutes } from "@/test/serve-route";

let db: TestDatabase;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  db = await createTestDatabase("release");
  process.env.DATABASE_URL = db.url;
  server = await serveRoutes(["/api/v1/authorize", "/api/v1/usage", "/api/v1/release"]);
});
afterAll(async () => {
  await server?.close();
  await (await import("@/lib/authorize/runtime")).decisionDeps().recorder.flush();
  const [{ pool }, { prisma }] = await Promise.all([import("@/lib/db/pool"), import("@/lib/db")]);
  await Promise.all([pool().end(), prisma.$disconnect()]);
  await db?.drop();
});

const post = (route: string, secret: string | null, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${route}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      ...(secret === null ? {} : { Authorization: `Bearer ${secret}` }),
      ...headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const release = (secret: string | null, body: unknown, headers?: Record<string, string>) =>
  post("/api/v1/release", secret, body, headers);

/** Reserves 450 µUSD (1,000 in + 500 max out of gpt-4o-mini) and 1,500 tokens. */
async function authorize(secret: string, requestId: string): Promise<{ id: string; amount: string }> {
  const res = await post("/api/v1/authorize", secret, {
    requestId,
    model: "gpt-4o-mini",
    inputTokens: 1000,
    maxOutputTokens: 500,
  });
  expect(res.status).toBe(200);
  return (await res.json()).reservation;
}

async function state(tenantId: string) {
  const [balance, ledger, reservations, usage] = await Promise.all([
    db.prisma.creditBalance.findUniqueOrThrow({ where: { tenantId } }),
    db.prisma.creditLedgerEntry.findMany({ where: { tenantId }, orderBy: { id: "asc" } }),
    db.prisma.reservation.findMany({ where: { tenantId }, orderBy: { requestId: "asc" } }),
    db.prisma.usageEvent.count({ where: { tenantId } }),
  ]);
  return { balance, ledger, reservations, usage };
}

/** The ledger sums to the balance, and what is held is what is reserved. */
async function ledgerMatchesBalance(tenantId: string, start: bigint) {
  const { balance, ledger, reservations } = await state(tenantId);
  expect(start + ledger.reduce((s, l) => s + l.amount, 0n)).toBe(balance.available);
  const held = reservations.filter((r) => r.status === "HELD");
  expect(held.reduce((s, r) => s + r.amount, 0n)).toBe(balance.reserved);
  expect(held.reduce((s, r) => s + r.tokens, 0n)).toBe(balance.reservedTokens);
  return balance;
}

describe("POST /api/v1/release", () => {
  it("gives a held reservation back at once, by requestId, and records why", async () => {
    const { tenant, secret, apiKey } = await createTenantWithKey(db.prisma, {
      slug: "give-back",
      available: 10_000n,
    });
    const hold = await authorize(secret, "call-1");
    expect((await state(tenant.id)).balance).toMatchObject({
      available: 9_550n,
      reserved: 450n,
      reservedTokens: 1_500n,
    });

    const res = await release(secret, { requestId: "call-1", reason: "client disconnected" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      reservationId: hold.id,
      requestId: "call-1",
      status: "released",
      released: "450",
      balance: { available: "10000", reserved: "0" },
    });
    const { balance, ledger, reservations } = await state(tenant.id);
    expect(balance).toMatchObject({ available: 10_000n, reserved: 0n, reservedTokens: 0n });
    expect(reservations[0]).toMatchObject({ status: "RELEASED", releaseReason: "client disconnected" });
    expect(reservations[0]!.settledAt).toBeInstanceOf(Date);
    expect(ledger.map((l) => [l.kind, l.amount, l.balanceAfter])).toEqual([
      ["RESERVE", -450n, 9_550n],
      ["RELEASE", 450n, 10_000n],
    ]);
    expect(ledger[1]).toMatchObject({
      reservationId: hold.id,
      actorKind: "API_KEY",
      actorId: apiKey.id,
      reason: "client disconnected",
      idempotencyKey: `release:${hold.id}`,
    });
    await ledgerMatchesBalance(tenant.id, 10_000n);
  });

  it("releases by reservationId too, with no reason", async () => {
    const { tenant, secret } = await createTenantWithKey(db.prisma, { slug: "by-id", available: 1_000n });
    const hold = await authorize(secret, "call-1");
    const body = await (await release(secret, { reservationId: hold.id })).json();
    expect(body).toMatchObject({ reservationId: hold.id, requestId: "call-1", status: "released" });
    expect((await state(tenant.id)).reservations[0]).toMatchObject({
      status: "RELEASED",
      releaseReason: null,
    });
    await ledgerMatchesBalance(tenant.id, 1_000n);
  });

  it("is idempotent: a repeat answers already_released and changes nothing; ten at once release once", async () => {
    const { tenant, secret } = await createTenantWithKey(db.prisma, { slug: "repeat", available: 10_000n });
    await authorize(secret, "once");
    const bodies = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        release(secret, { requestId: "once", reason: `copy ${i}` }).then((r) => r.json()),
      ),
    );
    expect(bodies.filter((b) => b.status === "released")).toHaveLength(1);
    expect(bodies.filter((b) => b.status === "already_released")).toHaveLength(9);
    for (const b of bodies.filter((b) => b.status === "already_released"))
      expect(b).toMatchObject({ released: "0", balance: { available: "10000", reserved: "0" } });
    const before = await state(tenant.id);
    expect(before.ledger.filter((l) => l.kind === "RELEASE")).toHaveLength(1);
    const again = await (await release(secret, { requestId: "once", reason: "late" })).json();
    expect(again).toMatchObject({ status: "already_released", released: "0" });
    const after = await state(tenant.id);
    expect(after.ledger).toHaveLength(before.ledger.length);
    expect(after.balance.updatedAt).toEqual(before.balance.updatedAt);
    // The first release's reason stays.
    expect(after.reservations[0]!.releaseReason).toBe(before.reservations[0]!.releaseReason);
    await ledgerMatchesBalance(tenant.id, 10_000n);
  });

  it("answers already_settled for a reservation usage settled, and already_expired for an expired one", async () => {
    const { tenant, secret } = await createTenantWithKey(db.prisma, { slug: "ended", available: 10_000n });
    const settled = await authorize(secret, "settled");
    await authorize(secret, "expired");
    const usage = await post("/api/v1/usage", secret, {
      requestId: "settled",
      model: "gpt-4o-mini",
      inputTokens: 1000,
      outputTokens: 200,
    });
    expect((await usage.json()).accepted).toBe(1);
    const { pool } = await import("@/lib/db/pool");
    const { releaseExpiredReservations } = await import("@/lib/ledger/release-expired");
    expect(await releaseExpiredReservations(pool(), new Date(Date.now() + 3_600_000))).toBe(1);
    const before = await state(tenant.id);

    expect(await (await release(secret, { reservationId: settled.id })).json()).toMatchObject({
      status: "already_settled",
      released: "0",
      balance: { available: String(10_000 - 270), reserved: "0" },
    });
    expect(await (await release(secret, { requestId: "expired" })).json()).toMatchObject({
      status: "already_expired",
      released: "0",
    });
    const after = await state(tenant.id);
    expect(after.ledger).toHaveLength(before.ledger.length);
    expect(after.reservations.map((r) => [r.requestId, r.status, r.releaseReason])).toEqual([
      ["expired", "EXPIRED", null],
      ["settled", "SETTLED", null],
    ]);
  });

  it("still charges usage reported after the release, in full and once", async () => {
    const { tenant, secret } = await createTenantWithKey(db.prisma, {
      slug: "late-usage",
      available: 10_000n,
    });
    const hold = await authorize(secret, "late");
    expect((await (await release(secret, { requestId: "late" })).json()).status).toBe("released");
    const event = {
      requestId: "late",
      reservationId: hold.id,
      model: "gpt-4o-mini",
      inputTokens: 1000,
      outputTokens: 200,
    };
    const body = await (await post("/api/v1/usage", secret, event)).json();
    expect(body).toMatchObject({
      accepted: 1,
      results: [{ status: "accepted", cost: "270" }],
      balance: { available: "9730", reserved: "0" },
    });
    // The retry of that report is a duplicate, not a second charge.
    expect(await (await post("/api/v1/usage", secret, event)).json()).toMatchObject({ duplicates: 1 });
    const { ledger, reservations } = await state(tenant.id);
    expect(ledger.map((l) => [l.kind, l.amount])).toEqual([
      ["RESERVE", -450n],
      ["RELEASE", 450n],
      ["CHARGE", -270n],
    ]);
    expect(reservations[0]!.status).toBe("RELEASED");
    const quota = await db.prisma.quotaUsage.findMany({ where: { tenantId: tenant.id } });
    expect(quota.map((q) => q.tokensUsed)).toEqual([1_200n]);
    const balance = await ledgerMatchesBalance(tenant.id, 10_000n);
    expect(balance.available).toBe(9_730n);
  });

  it("evaluates the balance alert rules in the release's transaction", async () => {
    const { tenant, secret } = await createTenantWithKey(db.prisma, { slug: "alerted", available: 10_000n });
    await authorize(secret, "a-1");
    // Below 9,700 after the hold (9,550), firing; the release brings it back to 10,000.
    const rule = await createRule(db.prisma, tenant.id, "BALANCE_BELOW", 9_700n, [], { resolveMarginPct: 0 });
    await db.prisma.alertRule.update({ where: { id: rule.id }, data: { state: "FIRING" } });
    await release(secret, { requestId: "a-1" });
    expect(await eventsOf(db.prisma, rule.id)).toEqual(["RESOLVED"]);
  });

  describe("tenancy and keys", () => {
    it("answers 404 for an unknown reservation and for another tenant's, and leaves theirs held", async () => {
      const a = await createTenantWithKey(db.prisma, { slug: "tenant-a", available: 10_000n });
      const b = await createTenantWithKey(db.prisma, { slug: "tenant-b", available: 10_000n });
      const theirs = await authorize(b.secret, "shared-id");
      for (const body of [
        { requestId: "shared-id" },
        { reservationId: theirs.id },
        { requestId: "nope" },
        { reservationId: "res_nope" },
      ]) {
        const res = await release(a.secret, body);
        expect(res.status).toBe(404);
        expect(res.headers.get("content-type")).toBe("application/problem+json");
        expect(await res.json()).toMatchObject({ code: "not_found", status: 404 });
      }
      expect((await state(b.tenant.id)).reservations[0]!.status).toBe("HELD");
      expect((await state(b.tenant.id)).balance).toMatchObject({ available: 9_550n, reserved: 450n });
      expect((await state(a.tenant.id)).ledger).toHaveLength(0);
    });

    it.each([
      ["no key", null, 401, "key_missing"],
      ["an unknown key", "tg_live_not_a_key", 401, "key_unknown"],
      ["another scheme", "Basic abc", 401, "key_missing"],
    ])("refuses %s with %i %s", async (_name, secret, status, code) => {
      const headers: Record<string, string> = secret?.startsWith("Basic") ? { Authorization: secret } : {};
      const res = await release(secret?.startsWith("Basic") ? null : secret, { requestId: "x" }, headers);
      expect(res.status).toBe(status);
      expect(await res.json()).toMatchObject({ code, status });
    });

    it("refuses a key awaiting approval with 403", async () => {
      const { secret, apiKey } = await createTenantWithKey(db.prisma, { slug: "pending", available: 1n });
      await db.prisma.apiKey.update({ where: { id: apiKey.id }, data: { status: "PENDING_APPROVAL" } });
      const res = await release(secret, { requestId: "x" });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: "approval_pending" });
    });

    it("lets a revoked key release its own reservations, not another key's", async () => {
      const { tenant, secret, apiKey } = await createTenantWithKey(db.prisma, {
        slug: "revoked",
        available: 10_000n,
      });
      await authorize(secret, "mine");
      const other = await db.prisma.apiKey.create({
        data: { tenantId: tenant.id, name: "other", prefix: "tg_x", hash: "other-hash", allowedModels: [] },
      });
      const { reserveCredits } = await import("@/lib/ledger/reserve-credits");
      const { pool } = await import("@/lib/db/pool");
      const now = new Date();
      await reserveCredits(pool(), {
        tenantId: tenant.id,
        apiKeyId: other.id,
        requestId: "theirs",
        model: "gpt-4o-mini",
        amount: 100n,
        now,
        expiresAt: new Date(now.getTime() + 600_000),
      });
      await db.prisma.apiKey.update({
        where: { id: apiKey.id },
        data: { status: "REVOKED", revokedAt: now },
      });
      const { clearContextCache } = await import("@/lib/keys/key-context");
      clearContextCache();

      expect(await (await release(secret, { requestId: "mine" })).json()).toMatchObject({
        status: "released",
      });
      const refused = await release(secret, { requestId: "theirs" });
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ code: "key_revoked" });
      const { reservations } = await state(tenant.id);
      expect(reservations.map((r) => [r.requestId, r.status])).toEqual([
        ["mine", "RELEASED"],
        ["theirs", "HELD"],
      ]);
      await ledgerMatchesBalance(tenant.id, 10_000n);
    });
  });

  describe("bad input changes nothing", () => {
    const cases: Array<[string, string, Record<string, string>, number, string, string[]]> = [
      ["unparsable JSON", '{"requestId":', {}, 400, "bad_json", []],
      [
        "a wrong content type",
        '{"requestId":"r-1"}',
        { "Content-Type": "text/plain" },
        415,
        "unsupported_media_type",
        [],
      ],
      [
        "a body over 1 MB",
        JSON.stringify({ requestId: "r-1", reason: "x".repeat(1_100_000) }),
        {},
        413,
        "payload_too_large",
        [],
      ],
      ["neither id", JSON.stringify({ reason: "why" }), {}, 422, "validation_failed", ["requestId"]],
      [
        "both ids",
        JSON.stringify({ requestId: "r-1", reservationId: "res" }),
        {},
        422,
        "validation_failed",
        ["reservationId"],
      ],
      [
        "a reason over 200 characters",
        JSON.stringify({ requestId: "r-1", reason: "x".repeat(201) }),
        {},
        422,
        "validation_failed",
        ["reason"],
      ],
      [
        "an unknown field",
        JSON.stringify({ requestId: "r-1", amount: 5 }),
        {},
        422,
        "validation_failed",
        ["(body)"],
      ],
      ["an array", JSON.stringify([{ requestId: "r-1" }]), {}, 422, "validation_failed", ["(body)"]],
    ];
    it.each(cases.map((c, i) => [...c, i] as const))(
      "%s → %i problem+json",
      async (_name, body, headers, status, code, paths, i) => {
        const { tenant, secret } = await createTenantWithKey(db.prisma, {
          slug: `bad-release-${i}`,
          available: 10_000n,
        });
        await authorize(secret, "r-1");
        const before = await state(tenant.id);
        const res = await release(secret, body, headers);
        expect(res.status).toBe(status);
        expect(res.headers.get("content-type")).toBe("application/problem+json");
        const problem = await res.json();
        expect(problem).toMatchObject({ type: `https://tollgate.dev/problems/${code}`, code, status });
        if (paths.length)
          expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(paths));
        expect(await state(tenant.id)).toEqual(before);
      },
    );
  });
});
