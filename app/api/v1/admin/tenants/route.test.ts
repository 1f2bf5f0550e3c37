// POST /api/v1/admin/tenants, GET and PATCH /api/v1/admin/tenants/{id} over real HTTP against real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { rowCounts, startAdminServer, type AdminServer } from "@/test/admin-server";

let s: AdminServer;
beforeAll(async () => {
  s = await startAdminServer("admin_tenants");
  for (const key of ["starter", "pro"]) {
    expect(
      (await s.call("PUT", `/api/v1/admin/plans/${key}`, { name: key, requestsPerMinute: 60 })).status,
    ).toBe(201);
  }
});
afterAll(async () => {
  await s?.close();
});

const create = async (body: Record<string, unknown>) => {
  const res = await s.call("POST", "/api/v1/admin/tenants", body);
  return { status: res.status, body: await res.json() };
};

describe("POST /api/v1/admin/tenants", () => {
  it("creates a tenant (201) with a zero balance, answered field by field, and audits it", async () => {
    const { status, body } = await create({
      name: "Ångström Labs, Inc.",
      planKey: "starter",
      timeZone: "Asia/Kolkata",
    });
    expect(status).toBe(201);
    expect(body).toEqual({
      id: expect.any(String),
      name: "Ångström Labs, Inc.",
      slug: "angstrom-labs-inc",
      planKey: "starter",
      timeZone: "Asia/Kolkata",
      status: "ACTIVE",
      dailySpendCap: null,
      monthlySpendCap: null,
      balance: { available: "0", reserved: "0" },
      billing: null,
      keys: [],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const row = await s.db.prisma.tenant.findUniqueOrThrow({
      where: { id: body.id },
      include: { plan: true, creditBalance: true },
    });
    expect(row).toMatchObject({
      name: "Ångström Labs, Inc.",
      slug: "angstrom-labs-inc",
      timeZone: "Asia/Kolkata",
      status: "ACTIVE",
      plan: { key: "starter" },
      creditBalance: { available: 0n, reserved: 0n },
    });
    const rules = await s.db.prisma.alertRule.findMany({ where: { tenantId: body.id } });
    expect(rules.map((r) => `${r.kind} ${r.threshold} ${r.isDefault} ${r.state}`).sort()).toEqual([
      "BALANCE_BELOW_TOPUP_PCT 10 true OK",
      "CARD_EXPIRING 30 true OK",
      "DAYS_LEFT_BELOW 3 true OK",
      "QUOTA_USED_PCT 100 true OK",
      "QUOTA_USED_PCT 80 true OK",
      "SUBSCRIPTION_PAST_DUE 0 true OK",
    ]);
    expect(await s.db.prisma.auditLog.findMany({ where: { tenantId: body.id } })).toEqual([
      expect.objectContaining({
        actorKind: "ADMIN_TOKEN",
        action: "tenant.create",
        targetType: "Tenant",
        targetId: body.id,
        before: null,
        after: {
          name: "Ångström Labs, Inc.",
          slug: "angstrom-labs-inc",
          planKey: "starter",
          timeZone: "Asia/Kolkata",
          status: "ACTIVE",
          dailySpendCap: null,
          monthlySpendCap: null,
        },
      }),
    ]);
  });

  it("takes a given slug and defaults the zone to UTC", async () => {
    const { status, body } = await create({ name: "Acme", slug: "acme-eu", planKey: "pro" });
    expect(status).toBe(201);
    expect(body).toMatchObject({ slug: "acme-eu", timeZone: "UTC", planKey: "pro" });
  });

  it("answers 409 for a taken slug, given or derived, writing nothing", async () => {
    await create({ name: "Taken Co", planKey: "pro" });
    const before = await rowCounts(s.db);
    for (const body of [
      { name: "Other", slug: "taken-co", planKey: "pro" },
      { name: "Taken  Co!", planKey: "pro" },
    ]) {
      const res = await create(body);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: "conflict", errors: [{ path: "slug", message: "is taken" }] });
    }
    expect(await rowCounts(s.db)).toEqual(before);
  });

  it.each([
    [{ name: "X", planKey: "platinum" }, [{ path: "planKey", message: 'unknown plan "platinum"' }]],
    [
      { name: "東京", planKey: "pro" },
      [{ path: "slug", message: "cannot be derived from this name; send one" }],
    ],
    [
      { name: "", planKey: "pro", timeZone: "Mars/Base", slug: "Bad Slug", extra: 1 },
      ["name", "slug", "timeZone", "(body)"],
    ],
  ])("refuses %j with 422 naming each field, writing nothing", async (input, errors) => {
    const before = await rowCounts(s.db);
    const res = await create(input);
    expect(res.status).toBe(422);
    if (typeof errors[0] === "string")
      expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([...errors].sort());
    else expect(res.body.errors).toEqual(errors);
    expect(await rowCounts(s.db)).toEqual(before);
  });
});

describe("GET /api/v1/admin/tenants/{id}", () => {
  it("answers the tenant as created, and 404 for an unknown id", async () => {
    const { body: created } = await create({ name: "Readable", planKey: "pro" });
    const res = await s.call("GET", `/api/v1/admin/tenants/${created.id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(created);
    const missing = await s.call("GET", "/api/v1/admin/tenants/no-such-tenant");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: "not_found", status: 404 });
  });
});

describe("PATCH /api/v1/admin/tenants/{id}", () => {
  const patch = async (id: string, body: unknown) => {
    const res = await s.call("PATCH", `/api/v1/admin/tenants/${id}`, body);
    return { status: res.status, body: await res.json() };
  };

  it("changes plan, status and caps, answering and auditing only what changed", async () => {
    const { body: t } = await create({ name: "Patched", planKey: "starter" });
    const { status, body } = await patch(t.id, {
      planKey: "pro",
      status: "SUSPENDED",
      dailySpendCap: "1000000",
      monthlySpendCap: 20_000_000,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: t.id,
      planKey: "pro",
      status: "SUSPENDED",
      dailySpendCap: "1000000",
      monthlySpendCap: "20000000",
      timeZone: "UTC",
    });
    expect(
      await s.db.prisma.tenant.findUniqueOrThrow({ where: { id: t.id }, include: { plan: true } }),
    ).toMatchObject({
      status: "SUSPENDED",
      dailySpendCap: 1_000_000n,
      monthlySpendCap: 20_000_000n,
      plan: { key: "pro" },
    });
    const audit = await s.db.prisma.auditLog.findFirstOrThrow({
      where: { tenantId: t.id, action: "tenant.update" },
    });
    expect(audit).toMatchObject({
      before: { planKey: "starter", status: "ACTIVE", dailySpendCap: null, monthlySpendCap: null },
      after: { planKey: "pro", status: "SUSPENDED", dailySpendCap: "1000000", monthlySpendCap: "20000000" },
    });
    expect(Object.keys(audit.after as object).sort()).toEqual([
      "dailySpendCap",
      "monthlySpendCap",
      "planKey",
      "status",
    ]);

    // null lifts a cap; absent leaves the other alone.
    expect((await patch(t.id, { dailySpendCap: null })).body).toMatchObject({
      dailySpendCap: null,
      monthlySpendCap: "20000000",
    });
    // A PATCH that changes nothing answers 200 and writes no audit row.
    const audits = await s.db.prisma.auditLog.count({ where: { tenantId: t.id } });
    expect((await patch(t.id, { status: "SUSPENDED" })).status).toBe(200);
    expect(await s.db.prisma.auditLog.count({ where: { tenantId: t.id } })).toBe(audits);
  });

  it("re-cuts the quota month when the time zone changes, so the month's usage is not lost", async () => {
    const { body: t } = await create({ name: "Zoned", planKey: "pro" });
    const key = await s.db.prisma.apiKey.create({
      data: { tenantId: t.id, name: "k", prefix: "tg_x", hash: "zoned-hash" },
    });
    // Mid-month usage recorded while the tenant was in UTC.
    const at = new Date("2026-05-15T12:00:00Z");
    await s.db.prisma.usageEvent.create({
      data: {
        tenantId: t.id,
        apiKeyId: key.id,
        requestId: "u1",
        model: "m",
        inputTokens: 700,
        outputTokens: 300,
        cost: 42n,
        occurredAt: at,
      },
    });
    await s.db.prisma.quotaUsage.create({
      data: {
        tenantId: t.id,
        periodStart: new Date("2026-05-01T00:00:00Z"),
        periodEnd: new Date("2026-06-01T00:00:00Z"),
        tokensUsed: 1000n,
        requests: 1,
        cost: 42n,
        updatedAt: at,
      },
    });
    const { status, body } = await patch(t.id, { timeZone: "America/New_York" });
    expect(status).toBe(200);
    expect(body.timeZone).toBe("America/New_York");
    expect(
      await s.db.prisma.quotaUsage.findMany({
        where: { tenantId: t.id },
        select: { periodStart: true, tokensUsed: true, cost: true },
      }),
    ).toEqual([{ periodStart: new Date("2026-05-01T04:00:00Z"), tokensUsed: 1000n, cost: 42n }]);
    expect(
      await s.db.prisma.usageRollup.findMany({
        where: { tenantId: t.id },
        select: { day: true, requests: true },
      }),
    ).toEqual([{ day: new Date("2026-05-15T00:00:00Z"), requests: 1 }]);
  });

  it.each([
    ["an unknown plan", { planKey: "platinum" }, 422, "planKey"],
    ["an unknown zone", { timeZone: "Mars/Base" }, 422, "timeZone"],
    ["a negative cap", { monthlySpendCap: "-1" }, 422, "monthlySpendCap"],
    ["an unknown field", { name: "renamed" }, 422, "(body)"],
    ["nothing to change", {}, 422, "(body)"],
  ])("refuses %s with %i, writing nothing", async (_name, input, status, path) => {
    const { body: t } = await create({ name: `Refused ${_name}`, planKey: "starter" });
    const before = await rowCounts(s.db);
    const res = await patch(t.id, input);
    expect(res.status).toBe(status);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await rowCounts(s.db)).toEqual(before);
  });

  it("answers 404 for an unknown id", async () => {
    expect((await patch("no-such-tenant", { status: "SUSPENDED" })).status).toBe(404);
  });
});
