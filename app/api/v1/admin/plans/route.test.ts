// GET /api/v1/admin/plans and PUT /api/v1/admin/plans/{key} over real HTTP against real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { rowCounts, startAdminServer, type AdminServer } from "@/test/admin-server";
import { TEST_MODEL } from "@/test/fixtures";

let s: AdminServer;
beforeAll(async () => {
  s = await startAdminServer("admin_plans");
  await s.db.prisma.model.create({ data: TEST_MODEL });
});
afterAll(async () => {
  await s?.close();
});

const everyLimit = {
  name: "Scale",
  monthlyPrice: "49000000",
  stripePriceId: "price_scale",
  monthlyTokenQuota: "9007199254740993",
  quotaMode: "SOFT",
  requestsPerMinute: 600,
  maxContextTokens: 128_000,
  features: ["chat", "tools"],
  allowedModels: ["gpt-4o-mini"],
  pastDueGraceDays: 7,
  requiresPaymentMethod: true,
  topUpAmounts: ["10000000", 50_000_000],
};

describe("PUT /api/v1/admin/plans/{key}", () => {
  it("creates a plan with every limit (201), stored and answered field by field, and audits it", async () => {
    const res = await s.call("PUT", "/api/v1/admin/plans/scale", everyLimit, {
      "X-Forwarded-For": "203.0.113.5",
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await res.json();
    expect(body).toEqual({
      key: "scale",
      name: "Scale",
      monthlyPrice: "49000000",
      stripePriceId: "price_scale",
      monthlyTokenQuota: "9007199254740993",
      quotaMode: "SOFT",
      requestsPerMinute: 600,
      maxContextTokens: 128_000,
      features: ["chat", "tools"],
      allowedModels: ["gpt-4o-mini"],
      pastDueGraceDays: 7,
      requiresPaymentMethod: true,
      topUpAmounts: ["10000000", "50000000"],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const row = await s.db.prisma.plan.findUniqueOrThrow({ where: { key: "scale" } });
    expect(row).toMatchObject({
      name: "Scale",
      monthlyPrice: 49_000_000n,
      stripePriceId: "price_scale",
      monthlyTokenQuota: 9_007_199_254_740_993n,
      quotaMode: "SOFT",
      requestsPerMinute: 600,
      maxContextTokens: 128_000,
      features: ["chat", "tools"],
      allowedModels: ["gpt-4o-mini"],
      pastDueGraceDays: 7,
      requiresPaymentMethod: true,
      topUpAmounts: [10_000_000n, 50_000_000n],
    });
    expect(
      await s.db.prisma.auditLog.findFirstOrThrow({ where: { action: "plan.upsert", targetId: row.id } }),
    ).toMatchObject({
      actorKind: "ADMIN_TOKEN",
      tenantId: null,
      targetType: "Plan",
      ip: "203.0.113.5",
      before: null,
      after: { key: "scale", monthlyPrice: "49000000" },
    });
  });

  it("replaces a plan (200): fields left out return to their defaults, and the audit row keeps before and after", async () => {
    expect(
      (
        await s.call("PUT", "/api/v1/admin/plans/replace-me", {
          ...everyLimit,
          stripePriceId: "price_replace",
        })
      ).status,
    ).toBe(201);
    const res = await s.call("PUT", "/api/v1/admin/plans/replace-me", {
      name: "Replaced",
      requestsPerMinute: 30,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      key: "replace-me",
      name: "Replaced",
      monthlyPrice: "0",
      stripePriceId: null,
      monthlyTokenQuota: null,
      quotaMode: "HARD",
      requestsPerMinute: 30,
      maxContextTokens: null,
      features: [],
      allowedModels: [],
      pastDueGraceDays: 0,
      requiresPaymentMethod: false,
      topUpAmounts: [],
    });
    const audits = await s.db.prisma.auditLog.findMany({
      where: { action: "plan.upsert", after: { path: ["key"], equals: "replace-me" } },
      orderBy: { id: "asc" },
    });
    expect(audits).toHaveLength(2);
    expect(audits[1]).toMatchObject({
      before: { name: "Scale", requestsPerMinute: 600 },
      after: { name: "Replaced", requestsPerMinute: 30 },
    });
  });

  it("refuses an unknown model (422 naming the field) and a price id another plan uses (409), writing nothing", async () => {
    const before = await rowCounts(s.db);
    const unknown = await s.call("PUT", "/api/v1/admin/plans/bad-model", {
      name: "X",
      requestsPerMinute: 1,
      allowedModels: ["gpt-4o-mini", "gpt-9"],
    });
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).errors).toEqual([
      { path: "allowedModels", message: 'unknown model "gpt-9"' },
    ]);
    const taken = await s.call("PUT", "/api/v1/admin/plans/dupe-price", {
      name: "X",
      requestsPerMinute: 1,
      stripePriceId: "price_scale",
    });
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({ code: "conflict", errors: [{ path: "stripePriceId" }] });
    expect(await rowCounts(s.db)).toEqual(before);
  });

  it("refuses a malformed key in the path with 422", async () => {
    const res = await s.call("PUT", "/api/v1/admin/plans/Not%20A%20Key", { name: "X", requestsPerMinute: 1 });
    expect(res.status).toBe(422);
    expect((await res.json()).errors[0].path).toBe("key");
  });

  it("answers 401 to a wrong token", async () => {
    const res = await s.call(
      "PUT",
      "/api/v1/admin/plans/sneaky",
      { name: "X", requestsPerMinute: 1 },
      { Authorization: "Bearer wrong-token-wrong-token-wrong" },
    );
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ status: 401, code: "admin_token_invalid" });
    expect(await s.db.prisma.plan.count({ where: { key: "sneaky" } })).toBe(0);
  });
});

describe("GET /api/v1/admin/plans", () => {
  it("lists every plan, cheapest first, money as strings", async () => {
    await s.call("PUT", "/api/v1/admin/plans/aaa-free", { name: "Free", requestsPerMinute: 10 });
    const res = await s.call("GET", "/api/v1/admin/plans");
    expect(res.status).toBe(200);
    const { plans } = await res.json();
    expect(plans.map((p: { key: string }) => p.key)).toEqual(["aaa-free", "replace-me", "scale"]);
    expect(plans[2]).toMatchObject({
      key: "scale",
      monthlyPrice: "49000000",
      topUpAmounts: ["10000000", "50000000"],
    });
  });

  it("answers 401 without a token", async () => {
    expect((await s.call("GET", "/api/v1/admin/plans", undefined, { Authorization: "" })).status).toBe(401);
  });
});
