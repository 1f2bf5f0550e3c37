// The catalog's prices on the decision path, over real HTTP: the admin routes change the catalog,
// /authorize reserves and /usage charges, all on one real PostgreSQL. Issue 11's boundary test: a
// price change dated later leaves today's reservations and usage at the old price, and usage whose
// occurredAt is past the boundary is charged the new one — with no cache wait between them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ADMIN_TOKEN } from "@/test/admin-server";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { createTenantWithKey } from "@/test/fixtures";
import { serveRoutes } from "@/test/serve-route";

let db: TestDatabase;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  db = await createTestDatabase("catalog_pricing");
  process.env.DATABASE_URL = db.url;
  process.env.TOLLGATE_ADMIN_TOKEN = ADMIN_TOKEN;
  server = await serveRoutes(
    (p) => p.startsWith("/api/v1/admin/models") || p === "/api/v1/authorize" || p === "/api/v1/usage",
  );
});
afterAll(async () => {
  await server?.close();
  // The last decisions are still in the recorder's buffer: written before the pool closes.
  await (await import("@/lib/authorize/runtime")).decisionDeps().recorder.flush();
  const [{ pool }, { prisma }] = await Promise.all([import("@/lib/db/pool"), import("@/lib/db")]);
  await Promise.all([pool().end(), prisma.$disconnect()]);
  await db?.drop();
});

const call = (method: string, path: string, auth: string, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${auth}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const admin = (method: string, path: string, body?: unknown) =>
  call(method, `/api/v1/admin${path}`, ADMIN_TOKEN, body);
const putModel = async (id: string, body: Record<string, unknown>) => {
  const res = await admin("PUT", `/models/${id}`, { provider: "acme", displayName: id, ...body });
  expect(res.status).toBe(201);
};
const authorize = async (secret: string, body: Record<string, unknown>) => {
  const res = await call("POST", "/api/v1/authorize", secret, body);
  return { status: res.status, body: await res.json() };
};
const usage = async (secret: string, events: unknown) => {
  const res = await call("POST", "/api/v1/usage", secret, events);
  return { status: res.status, body: await res.json() };
};
const sleepUntil = (t: Date) => new Promise((r) => setTimeout(r, Math.max(0, t.getTime() - Date.now() + 50)));

describe("an effective-dated price change", () => {
  it("keeps today's reservations and usage at the old price and charges usage after the boundary the new one", async () => {
    // $1 in / $2 out per million tokens: 1,000 in + 500 out = 1,000 + 1,000 = 2,000 µUSD.
    await putModel("dated", { inputPrice: "1000000", outputPrice: "2000000" });
    const { tenant, secret } = await createTenantWithKey(db.prisma, { slug: "dated", available: 1_000_000n });
    const call1 = { model: "dated", inputTokens: 1000, maxOutputTokens: 500 };

    const first = await authorize(secret, { requestId: "before-1", ...call1 });
    expect(first.body.reservation.amount).toBe("2000");

    // Ten times the price, from a boundary shortly ahead (a real instant: no clock is faked).
    const boundary = new Date(Date.now() + 1_500);
    const change = await admin("POST", "/models/dated/prices", {
      inputPrice: "10000000",
      outputPrice: "20000000",
      effectiveFrom: boundary.toISOString(),
    });
    expect(change.status).toBe(201);

    // Before the boundary, nothing moves: a new reservation, and usage now, at the old price.
    const second = await authorize(secret, { requestId: "before-2", ...call1 });
    expect(second.body.reservation.amount).toBe("2000");
    const early = await usage(secret, [
      { requestId: "before-1", model: "dated", inputTokens: 1000, outputTokens: 500 },
    ]);
    expect(early.body.results).toEqual([expect.objectContaining({ status: "accepted", cost: "2000" })]);

    await sleepUntil(boundary);

    // After it: the reservation made before keeps its amount; the call's usage is charged at the
    // version in force when it occurred (here, before the boundary: the old price) …
    expect((await db.prisma.reservation.findFirstOrThrow({ where: { requestId: "before-2" } })).amount).toBe(
      2_000n,
    );
    const late = await usage(secret, [
      {
        requestId: "before-2",
        model: "dated",
        inputTokens: 1000,
        outputTokens: 500,
        occurredAt: new Date(boundary.getTime() - 200).toISOString(),
      },
      // … and usage that occurred after the boundary at the new price, with or without a reservation.
      { requestId: "after-1", model: "dated", inputTokens: 1000, outputTokens: 500 },
    ]);
    expect(late.body.results).toEqual([
      expect.objectContaining({ requestId: "before-2", cost: "2000" }),
      expect.objectContaining({ requestId: "after-1", cost: "20000" }),
    ]);
    // A new reservation is made at the new price (the cached catalogue already held the version).
    expect((await authorize(secret, { requestId: "after-2", ...call1 })).body.reservation.amount).toBe(
      "20000",
    );

    const charged = await db.prisma.usageEvent.findMany({
      where: { tenantId: tenant.id },
      orderBy: { requestId: "asc" },
    });
    expect(charged.map((e) => [e.requestId, e.cost])).toEqual([
      ["after-1", 20_000n],
      ["before-1", 2_000n],
      ["before-2", 2_000n],
    ]);
  });
});

describe("the prices of a call", () => {
  it("bills cachedInputTokens at the cached price and the rest of the input at the input price", async () => {
    // $1 in, $0.10 cached, $4 out per million tokens.
    await putModel("cached", { inputPrice: 1_000_000, cachedInputPrice: 100_000, outputPrice: 4_000_000 });
    const { secret } = await createTenantWithKey(db.prisma, { slug: "cached", available: 1_000_000n });
    const res = await usage(secret, [
      // 2,000 uncached + 8,000 cached + 1,000 out = 2,000 + 800 + 4,000
      {
        requestId: "c-1",
        model: "cached",
        inputTokens: 10_000,
        cachedInputTokens: 8_000,
        outputTokens: 1_000,
      },
      { requestId: "c-2", model: "cached", inputTokens: 10_000, outputTokens: 1_000 },
      { requestId: "c-3", model: "cached", inputTokens: 10, cachedInputTokens: 11, outputTokens: 0 },
    ]);
    expect(res.body.results).toEqual([
      expect.objectContaining({ status: "accepted", cost: "6800" }),
      expect.objectContaining({ status: "accepted", cost: "14000" }),
      expect.objectContaining({
        status: "rejected",
        reason: expect.stringContaining("cachedInputTokens: must not be more than inputTokens"),
      }),
    ]);
    expect(await db.prisma.usageEvent.findFirstOrThrow({ where: { requestId: "c-1" } })).toMatchObject({
      inputTokens: 10_000,
      cachedInputTokens: 8_000,
      cost: 6_800n,
    });
    // A lone invalid event is a 422 naming the field.
    const lone = await usage(secret, {
      requestId: "c-4",
      model: "cached",
      inputTokens: 1,
      cachedInputTokens: 2,
      outputTokens: 0,
    });
    expect(lone.status).toBe(422);
    expect(lone.body.errors).toEqual([{ path: "cachedInputTokens", message: expect.any(String) }]);
  });

  it("charges a per-call price: an authorize with no token counts reserves exactly it, and usage adds it per call", async () => {
    // A search tool: $0.025 a call, tokens priced too.
    await putModel("per-call", { inputPrice: 1_000_000, outputPrice: 1_000_000, requestPrice: "25000" });
    const { secret } = await createTenantWithKey(db.prisma, { slug: "per-call", available: 1_000_000n });
    const bare = await authorize(secret, { requestId: "p-1", model: "per-call" });
    expect(bare.status).toBe(200);
    expect(bare.body.reservation.amount).toBe("25000");
    const res = await usage(secret, [
      { requestId: "p-1", model: "per-call", inputTokens: 0, outputTokens: 0 },
      { requestId: "p-2", model: "per-call", inputTokens: 1000, outputTokens: 1000 },
    ]);
    expect(res.body.results.map((r: { cost: string }) => r.cost)).toEqual(["25000", "27000"]);
    expect(res.body.balance).toEqual({ available: String(1_000_000 - 52_000), reserved: "0" });
  });

  it("reserves the model's maxOutputTokens when the call sends none, and the call's own when it does", async () => {
    await putModel("bounded", { inputPrice: 1_000_000, outputPrice: 2_000_000, maxOutputTokens: 4_000 });
    const { secret } = await createTenantWithKey(db.prisma, { slug: "bounded", available: 1_000_000n });
    const byModel = await authorize(secret, { requestId: "m-1", model: "bounded", inputTokens: 1000 });
    expect(byModel.body.reservation.amount).toBe("9000"); // 1,000 + 4,000 × 2
    expect((await db.prisma.reservation.findFirstOrThrow({ where: { requestId: "m-1" } })).tokens).toBe(
      5_000n,
    );
    const byCall = await authorize(secret, {
      requestId: "m-2",
      model: "bounded",
      inputTokens: 1000,
      maxOutputTokens: 10,
    });
    expect(byCall.body.reservation.amount).toBe("1020");
  });

  it("refuses a withdrawn model with model_not_allowed, and still charges usage incurred on it", async () => {
    await putModel("retiring", { inputPrice: 1_000_000, outputPrice: 1_000_000 });
    const { secret } = await createTenantWithKey(db.prisma, { slug: "retiring", available: 1_000_000n });
    const held = await authorize(secret, {
      requestId: "r-1",
      model: "retiring",
      inputTokens: 100,
      maxOutputTokens: 100,
    });
    expect(held.status).toBe(200);
    expect((await admin("DELETE", "/models/retiring")).status).toBe(200);

    const refused = await authorize(secret, { requestId: "r-2", model: "retiring", inputTokens: 100 });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: "model_not_allowed",
      detail: "The model retiring has been withdrawn from the catalogue.",
      remedy: { action: "contact_admin" },
    });
    // The call authorized before the withdrawal is still charged when it reports (usage is never dropped).
    const late = await usage(secret, [
      { requestId: "r-1", model: "retiring", inputTokens: 100, outputTokens: 50 },
    ]);
    expect(late.body.results).toEqual([expect.objectContaining({ status: "accepted", cost: "150" })]);
    // An unknown model's usage is rejected.
    const unknown = await usage(secret, [
      { requestId: "r-3", model: "never-listed", inputTokens: 1, outputTokens: 1 },
    ]);
    expect(unknown.body.results[0]).toMatchObject({
      status: "rejected",
      reason: 'model: unknown model "never-listed"',
    });
  });
});
