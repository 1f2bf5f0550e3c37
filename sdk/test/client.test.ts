// @tollgate/client against the real route handlers over real HTTP and a real PostgreSQL: tenants are
// provisioned through the client's own admin methods, then authorized, metered and refused for real.
// Only the transport is watched (a recording fetch that passes every request through unchanged).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { DECISION_PATHS } from "@/lib/web/server/decision-routes";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { TEST_MODEL } from "@/test/fixtures";
import { serveRoutes } from "@/test/serve-route";

import {
  createTollgate,
  TollgateError,
  TollgateProblem,
  TollgateRefusal,
  type ErrorContext,
  type FailMode,
  type RetryPolicy,
  type Tollgate,
} from "../src";
import { recordingFetch, type Sent } from "./recording-fetch";

const ADMIN_TOKEN = "sdk-test-admin-token-0123456789abcdef";
const CALL = { model: TEST_MODEL.id, inputTokens: 1000, maxOutputTokens: 500 }; // reserves 450 µUSD
const USED = { inputTokens: 1000, outputTokens: 100 }; // costs 210 µUSD
// These tests are not about timeouts (fail-mode.test.ts is): a loaded CI machine may take seconds.
const TIMEOUT_MS = 30_000;

let db: TestDatabase;
let server: { url: string; close(): Promise<void> };
let operator: Tollgate;
let flushDecisions: () => Promise<void>;

beforeAll(async () => {
  db = await createTestDatabase("sdk_client");
  process.env.DATABASE_URL = db.url;
  process.env.TOLLGATE_ADMIN_TOKEN = ADMIN_TOKEN;
  const decisionPaths: readonly string[] = DECISION_PATHS;
  server = await serveRoutes((p) => decisionPaths.includes(p) || p.startsWith("/api/v1/admin/"));
  await db.prisma.model.upsert({ where: { id: TEST_MODEL.id }, update: {}, create: TEST_MODEL });
  operator = createTollgate({ baseUrl: server.url, adminToken: ADMIN_TOKEN, timeoutMs: TIMEOUT_MS });
  const { decisionDeps } = await import("@/lib/authorize/runtime");
  flushDecisions = () => decisionDeps().recorder.flush();
});
afterAll(async () => {
  await server?.close();
  await flushDecisions?.();
  const [{ pool }, { prisma }] = await Promise.all([import("@/lib/db/pool"), import("@/lib/db")]);
  await Promise.all([pool().end(), prisma.$disconnect()]);
  await db?.drop();
});

/** A plan, a tenant on it with `credits` µUSD, and an active key, all through the admin API. */
async function provision(
  slug: string,
  opts: { credits: number; requestsPerMinute?: number; monthlyTokenQuota?: string },
) {
  await operator.admin.putPlan(slug, {
    name: slug,
    requestsPerMinute: opts.requestsPerMinute ?? 1_000,
    features: ["chat"],
    monthlyTokenQuota: opts.monthlyTokenQuota ?? null,
  });
  const tenant = await operator.admin.createTenant({ name: slug, planKey: slug });
  const key = await operator.admin.createApiKey(tenant.id, { name: "sdk" });
  if (opts.credits > 0)
    await operator.admin.grantCredits(tenant.id, {
      amount: String(opts.credits),
      reason: "sdk test",
      idempotencyKey: `${slug}-credits`,
    });
  return { tenant, secret: key.secret };
}

function tenantClient<M extends FailMode = "closed">(
  secret: string,
  more: { retry?: RetryPolicy; failMode?: M } = {},
) {
  const sent: Sent[] = [];
  const errors: Array<[unknown, ErrorContext]> = [];
  const client = createTollgate<M>({
    baseUrl: server.url,
    apiKey: secret,
    timeoutMs: TIMEOUT_MS,
    fetch: recordingFetch(sent),
    onError: (e, c) => errors.push([e, c]),
    ...more,
  });
  return { client, sent, errors };
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}

describe("admin methods", () => {
  it("provision plans, tenants, billing, keys and credits, with the answers typed", async () => {
    const plan = await operator.admin.putPlan("sdk-admin", { name: "SDK admin", requestsPerMinute: 60 });
    expect(plan).toMatchObject({ key: "sdk-admin", requestsPerMinute: 60, quotaMode: "HARD" });
    expect((await operator.admin.listPlans()).plans.map((p) => p.key)).toContain("sdk-admin");

    const tenant = await operator.admin.createTenant({ name: "SDK Admin Co", planKey: "sdk-admin" });
    expect(tenant).toMatchObject({ slug: "sdk-admin-co", balance: { available: "0", reserved: "0" } });
    expect(
      (await operator.admin.updateTenant(tenant.id, { monthlySpendCap: "40000000" })).monthlySpendCap,
    ).toBe("40000000");
    expect(
      await operator.admin.setManualBilling(tenant.id, {
        mode: "manual",
        status: "active",
        currentPeriodEnd: "2030-01-01T00:00:00Z",
      }),
    ).toMatchObject({ tenantId: tenant.id, mode: "manual", status: "active" });

    const key = await operator.admin.createApiKey(tenant.id, { name: "pending", requireApproval: true });
    expect(key.status).toBe("PENDING_APPROVAL");
    expect(key.secret).toMatch(/^tg_/);
    expect((await operator.admin.approveApiKey(key.id)).status).toBe("ACTIVE");
    expect((await operator.admin.revokeApiKey(key.id)).status).toBe("REVOKED");

    const grant = await operator.admin.grantCredits(tenant.id, {
      amount: "2500000",
      reason: "sdk test",
      idempotencyKey: "sdk-admin-1",
    });
    expect(grant).toMatchObject({ kind: "GRANT", amount: "2500000", balanceAfter: "2500000" });

    const read = await operator.admin.getTenant(tenant.id);
    expect(read).toMatchObject({
      balance: { available: "2500000" },
      monthlySpendCap: "40000000",
      billing: { mode: "manual", status: "active" },
    });
    expect(read.keys.map((k) => k.status)).toEqual(["REVOKED"]);
  });

  it("price a model (an id with a slash travels encoded), schedule a price change, withdraw it", async () => {
    const id = "anthropic/claude-sdk";
    const created = await operator.admin.putModel(id, {
      provider: "anthropic",
      displayName: "Claude (SDK test)",
      inputPrice: "3000000",
      outputPrice: "15000000",
    });
    expect(created).toMatchObject({ id, active: true, price: { inputPrice: "3000000" } });
    const later = new Date(Date.now() + 86_400_000).toISOString();
    await operator.admin.changeModelPrice(id, {
      inputPrice: "2000000",
      outputPrice: "10000000",
      effectiveFrom: later,
    });
    const read = await operator.admin.getModel(id);
    expect(read.price.inputPrice).toBe("3000000");
    expect(read.prices.map((p) => p.inputPrice)).toEqual(expect.arrayContaining(["3000000", "2000000"]));
    expect((await operator.admin.deactivateModel(id)).active).toBe(false);
    expect((await operator.admin.listModels()).models.find((m) => m.id === id)?.active).toBe(false);
  });

  it("throw TollgateProblem for the other problems: 422 with its fields, 404, a wrong token", async () => {
    const invalid = await rejection(operator.admin.createTenant({ name: "Nobody", planKey: "no-such-plan" }));
    expect(invalid).toBeInstanceOf(TollgateProblem);
    expect(invalid).not.toBeInstanceOf(TollgateRefusal);
    expect(invalid).toMatchObject({ status: 422, code: "validation_failed" });
    expect((invalid as TollgateProblem).errors.map((e) => e.path)).toEqual(["planKey"]);

    expect(await rejection(operator.admin.getTenant("no-such-tenant"))).toMatchObject({
      status: 404,
      code: "not_found",
    });
    const stranger = createTollgate({
      baseUrl: server.url,
      adminToken: "not-the-token",
      timeoutMs: TIMEOUT_MS,
    });
    const refused = await rejection(stranger.admin.listPlans());
    expect(refused).toBeInstanceOf(TollgateProblem);
    expect(refused).toMatchObject({ status: 401, code: "admin_token_invalid" });
  });
});

describe("authorize, reportUsage, balance", () => {
  it("reserve, settle at the real cost, and show the balance after", async () => {
    const { secret } = await provision("sdk-happy", { credits: 1_000_000 });
    const { client } = tenantClient(secret);

    const auth = await client.authorize({ requestId: "h-1", ...CALL });
    expect(auth).toMatchObject({ allowed: true, failOpen: false, requestId: "h-1" });
    expect(auth.reservation.amount).toBe("450");
    expect(auth.decisionId).toMatch(/^dec_/);

    const report = await client.reportUsage({
      requestId: "h-1",
      reservationId: auth.reservation.id,
      model: CALL.model,
      ...USED,
    });
    expect(report).toMatchObject({ accepted: 1, results: [{ status: "accepted", cost: "210" }] });
    expect(await client.reportUsage([{ requestId: "h-1", model: CALL.model, ...USED }])).toMatchObject({
      duplicates: 1,
    });
    const { balance } = await client.balance();
    expect(balance).toEqual({ available: "999790", reserved: "0", currency: "USD", unit: "micro-USD" });
  });

  it("throw a 422 on a malformed request as a TollgateProblem listing the field, not as a refusal", async () => {
    const { secret } = await provision("sdk-bad-input", { credits: 1_000_000 });
    const { client } = tenantClient(secret);
    const e = await rejection(client.authorize({ requestId: "bad-1", ...CALL, inputTokens: -1 }));
    expect(e).toBeInstanceOf(TollgateProblem);
    expect(e).toMatchObject({ status: 422, code: "validation_failed" });
    expect((e as TollgateProblem).errors.map((f) => f.path)).toEqual(["inputTokens"]);
  });
});

describe("refusals", () => {
  it("surface a 402 as a TollgateRefusal with its remedy and decisionId, never retried", async () => {
    const { tenant, secret } = await provision("sdk-broke", { credits: 0 });
    const sleep = vi.fn(async () => undefined);
    // failMode "open" does not let refusals through: only Tollgate being unreachable.
    const { client, sent } = tenantClient(secret, { retry: { maxRetries: 3, sleep }, failMode: "open" });

    const e = await rejection(client.authorize({ requestId: "broke-1", ...CALL }));
    expect(e).toBeInstanceOf(TollgateRefusal);
    const refusal = e as TollgateRefusal;
    expect(refusal).toMatchObject({
      status: 402,
      code: "credits_exhausted",
      retryable: false,
      resetsAt: null,
      retryAfter: null,
      requestId: "broke-1",
      remedy: { action: "top_up" },
    });
    expect(refusal.remedy.url).toMatch(/\/billing/);
    expect(refusal.detail).toEqual(expect.any(String));
    expect(refusal.problem).toMatchObject({ scope: "balance", remaining: "0" });
    expect(sent).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();

    await flushDecisions();
    const decision = await db.prisma.decision.findFirstOrThrow({ where: { tenantId: tenant.id } });
    expect(refusal.decisionId).toBe(decision.id);
    expect(decision.code).toBe("credits_exhausted");

    const run = vi.fn();
    expect(await rejection(client.guard({ requestId: "broke-2", ...CALL }, run))).toBeInstanceOf(
      TollgateRefusal,
    );
    expect(run).not.toHaveBeenCalled();
    expect(sent).toHaveLength(2);
  });

  it("narrow by code", async () => {
    const { secret } = await provision("sdk-narrow", { credits: 0 });
    const { client } = tenantClient(secret);
    try {
      await client.authorize({ requestId: "n-1", ...CALL });
      expect.unreachable();
    } catch (e) {
      if (!(e instanceof TollgateRefusal && e.code === "credits_exhausted")) throw e;
      const code: "credits_exhausted" = e.code;
      expect(code).toBe("credits_exhausted");
    }
  });

  it("throw a retryable refusal at once when it would need a longer wait than maxWaitMs", async () => {
    // A monthly quota of 1,000 tokens: a call holding 1,500 is refused until the month turns.
    const { secret } = await provision("sdk-quota", { credits: 1_000_000, monthlyTokenQuota: "1000" });
    const sleep = vi.fn(async () => undefined);
    const { client, sent } = tenantClient(secret, { retry: { maxRetries: 5, maxWaitMs: 60_000, sleep } });
    const e = (await rejection(client.authorize({ requestId: "q-1", ...CALL }))) as TollgateRefusal;
    expect(e).toMatchObject({ code: "quota_exceeded", retryable: true, retryAfter: null });
    expect(e.resetsAt!.getTime()).toBeGreaterThan(Date.now() + 60_000);
    expect(sent).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it("retry a 429 after Retry-After until the window has moved, then pass", async () => {
    const { secret } = await provision("sdk-rpm-1", { credits: 1_000_000, requestsPerMinute: 1 });
    // The server runs in this process: faking Date moves its clock too (the limiter's windows, the
    // refusal's resetsAt and Retry-After), and the client's sleep moves it forward instead of waiting.
    // The clock stands still otherwise, so the waits are exact; timers stay real. 1.5 s before a
    // minute turns:
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const minute = Math.ceil(Date.now() / 60_000) * 60_000 + 60_000;
      vi.setSystemTime(minute - 1_500);
      const sleeps: number[] = [];
      const sleep = async (ms: number) => {
        sleeps.push(ms);
        vi.setSystemTime(Date.now() + ms);
      };
      const { client, sent } = tenantClient(secret, {
        retry: { maxRetries: 3, maxWaitMs: 61_000, jitterMs: 400, sleep },
      });

      expect((await client.authorize({ requestId: "rl-1", ...CALL })).allowed).toBe(true);
      const auth = await client.authorize({ requestId: "rl-2", ...CALL });
      expect(auth).toMatchObject({ allowed: true, failOpen: false, requestId: "rl-2" });

      // One a minute, by a sliding window: refused until the minute turns, and just after it still
      // (last minute's call weighs almost fully), so a second wait for the next one; then allowed.
      expect(sent.map((s) => [s.body && (s.body as { requestId: string }).requestId, s.status])).toEqual([
        ["rl-1", 200],
        ["rl-2", 429],
        ["rl-2", 429],
        ["rl-2", 200],
      ]);
      expect(sleeps).toHaveLength(2);
      sleeps.forEach((ms, i) => {
        const retryAfter = Number(sent[i + 1]!.retryAfter) * 1000;
        expect(retryAfter).toBeGreaterThan(0);
        expect(ms).toBeGreaterThanOrEqual(retryAfter);
        expect(ms).toBeLessThan(retryAfter + 400);
      });
      expect(sent.slice(1, 3).map((s) => s.retryAfter)).toEqual(["2", "60"]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("guard", () => {
  it("reports the real usage against the reservation and returns the function's result", async () => {
    const { secret } = await provision("sdk-guard", { credits: 1_000_000 });
    const { client, sent, errors } = tenantClient(secret);
    const result = await client.guard({ requestId: "g-1", ...CALL, feature: "chat" }, async (auth) => {
      expect(auth.reservation?.amount).toBe("450");
      return { usage: USED, result: "the model's answer" };
    });
    expect(result).toBe("the model's answer");
    expect(errors).toEqual([]);
    const usage = sent.find((s) => s.path === "/api/v1/usage")!;
    expect(usage.body).toMatchObject({
      requestId: "g-1",
      reservationId: expect.stringMatching(/^res_/),
      ...USED,
    });
    expect((await client.balance()).balance).toMatchObject({ available: "999790", reserved: "0" });
  });

  it("returns the result even when the usage report is refused, and tells onError", async () => {
    const { secret } = await provision("sdk-guard-bad-usage", { credits: 1_000_000 });
    const { client, errors } = tenantClient(secret);
    const result = await client.guard({ requestId: "gb-1", ...CALL }, async () => ({
      usage: { ...USED, occurredAt: "2999-01-01T00:00:00Z" }, // in the future: the server refuses it
      result: "kept",
    }));
    expect(result).toBe("kept");
    // A lone event is judged like one in a batch: a 200 whose result says `rejected`, with the reason.
    expect(errors.map(([e, c]) => [c.operation, c.requestId, (e as Error).message])).toEqual([
      ["reportUsage", "gb-1", expect.stringMatching(/^usage event rejected: .*future/)],
    ]);
    expect(errors[0]![0]).toBeInstanceOf(TollgateError);
    // Not settled: the reservation stays held until it expires (or the usage is sent again).
    expect((await client.balance()).balance).toMatchObject({ reserved: "450" });
  });

  it("rethrows what the function threw, and asks for its reservation back with the message as reason", async () => {
    const { secret } = await provision("sdk-guard-throws", { credits: 1_000_000 });
    const { client, sent, errors } = tenantClient(secret);
    const boom = new Error(`upstream 503: ${"x".repeat(500)}`);
    const run = async (): Promise<never> => {
      throw boom;
    };
    expect(await rejection(client.guard({ requestId: "gt-1", ...CALL }, run))).toBe(boom);

    const release = sent.find((s) => s.path === "/api/v1/release");
    expect(release?.body).toEqual({
      reservationId: expect.stringMatching(/^res_/),
      reason: boom.message.slice(0, 200),
    });
    expect(sent.some((s) => s.path === "/api/v1/usage")).toBe(false);
    // The reservation is back at once: nothing held, nothing charged.
    expect(errors).toEqual([]);
    expect((await client.balance()).balance).toMatchObject({ available: "1000000", reserved: "0" });
  });
});

describe("release", () => {
  it("gives a reservation back by requestId, once, and says what became of it after", async () => {
    const { secret } = await provision("sdk-release", { credits: 1_000_000 });
    const { client } = tenantClient(secret);
    const auth = await client.authorize({ requestId: "r-1", ...CALL });

    const first = await client.release({ requestId: "r-1", reason: "client went away" });
    expect(first).toMatchObject({ reservationId: auth.reservation.id, requestId: "r-1", status: "released" });
    expect(first.balance).toMatchObject({ available: "1000000", reserved: "0" });
    expect((await client.release({ reservationId: auth.reservation.id })).status).toBe("already_released");

    const settled = await client.authorize({ requestId: "r-2", ...CALL });
    await client.reportUsage({
      requestId: "r-2",
      reservationId: settled.reservation.id,
      model: CALL.model,
      ...USED,
    });
    expect((await client.release({ requestId: "r-2" })).status).toBe("already_settled");

    expect(await rejection(client.release({ requestId: "never-authorized" }))).toMatchObject({
      status: 404,
      code: "not_found",
    });
  });
});
