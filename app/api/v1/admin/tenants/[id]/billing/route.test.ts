// PUT /api/v1/admin/tenants/{id}/billing over real HTTP, and an operator's whole provisioning
// script end to end: the decision API treats a manual subscription like a Stripe one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { rowCounts, startAdminServer, type AdminServer } from "@/test/admin-server";
import { TEST_MODEL } from "@/test/fixtures";
import { serveRoutes } from "@/test/serve-route";

let s: AdminServer;
let api: { url: string; close(): Promise<void> };

beforeAll(async () => {
  s = await startAdminServer("admin_billing");
  await s.db.prisma.model.create({ data: TEST_MODEL });
  api = await serveRoutes(["/api/v1/authorize"]);
});
afterAll(async () => {
  await api?.close();
  const { pool } = await import("@/lib/db/pool");
  await pool().end();
  await s?.close();
});

const json = async (res: Response) => ({ status: res.status, body: await res.json() });
const authorize = (secret: string, requestId: string) =>
  fetch(`${api.url}/api/v1/authorize`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${secret}` },
    body: JSON.stringify({ requestId, model: TEST_MODEL.id, inputTokens: 1000, maxOutputTokens: 500 }),
  }).then(json);
const setBilling = (id: string, status: string, currentPeriodEnd = "2030-01-31T00:00:00Z") =>
  s
    .call("PUT", `/api/v1/admin/tenants/${id}/billing`, { mode: "manual", status, currentPeriodEnd })
    .then(json);

describe("an operator's provisioning script, end to end", () => {
  it("plan → tenant → credits → key → manual billing, and authorize follows the billing state", async () => {
    expect(
      (
        await s.call("PUT", "/api/v1/admin/plans/enterprise", {
          name: "Enterprise",
          monthlyPrice: "2000000000",
          requestsPerMinute: 1000,
          pastDueGraceDays: 3,
        })
      ).status,
    ).toBe(201);
    const { body: tenant } = await json(
      await s.call("POST", "/api/v1/admin/tenants", {
        name: "Redwood Insurance",
        planKey: "enterprise",
        timeZone: "America/New_York",
      }),
    );
    expect(
      (
        await s.call("POST", `/api/v1/admin/tenants/${tenant.id}/credits`, {
          amount: "1000000",
          reason: "contract",
          idempotencyKey: "c-1",
        })
      ).status,
    ).toBe(201);
    const { body: key } = await json(
      await s.call("POST", `/api/v1/admin/tenants/${tenant.id}/keys`, { name: "prod" }),
    );

    // A paid plan with no subscription yet.
    expect((await authorize(key.secret, "r-0")).body).toMatchObject({
      code: "subscription_inactive",
      status: 402,
    });

    const active = await setBilling(tenant.id, "active");
    expect(active).toEqual({
      status: 200,
      body: {
        tenantId: tenant.id,
        mode: "manual",
        status: "active",
        currentPeriodEnd: "2030-01-31T00:00:00.000Z",
        pastDueSince: null,
      },
    });
    expect(await s.db.prisma.subscription.findFirstOrThrow({ where: { tenantId: tenant.id } })).toMatchObject(
      {
        mode: "MANUAL",
        stripeSubscriptionId: null,
        status: "active",
        currentPeriodEnd: new Date("2030-01-31T00:00:00Z"),
        pastDueSince: null,
        planId: (await s.db.prisma.plan.findUniqueOrThrow({ where: { key: "enterprise" } })).id,
      },
    );
    expect(await authorize(key.secret, "r-1")).toMatchObject({
      status: 200,
      body: {
        allowed: true,
        reservation: { amount: "450" },
        balance: { available: String(1_000_000 - 450) },
      },
    });

    // Past due: inside the plan's 3-day grace, allowed with a warning; the date of the first past_due is kept.
    const pastDue = await setBilling(tenant.id, "past_due");
    expect(pastDue.body.pastDueSince).toEqual(expect.any(String));
    expect((await setBilling(tenant.id, "past_due")).body.pastDueSince).toBe(pastDue.body.pastDueSince);
    const warned = await authorize(key.secret, "r-2");
    expect(warned.status).toBe(200);
    expect(warned.body.limits.warnings).toEqual([expect.objectContaining({ code: "subscription_past_due" })]);

    expect((await setBilling(tenant.id, "canceled")).body).toMatchObject({
      status: "canceled",
      pastDueSince: null,
    });
    expect((await authorize(key.secret, "r-3")).body).toMatchObject({
      code: "subscription_canceled",
      status: 402,
    });

    expect(await s.db.prisma.subscription.count({ where: { tenantId: tenant.id } })).toBe(1);
    const audits = await s.db.prisma.auditLog.findMany({
      where: { tenantId: tenant.id, action: "billing.manual" },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => (a.after as { status: string }).status)).toEqual([
      "active",
      "past_due",
      "past_due",
      "canceled",
    ]);
    expect(audits[0]).toMatchObject({ actorKind: "ADMIN_TOKEN", targetType: "Subscription", before: null });
    expect(
      (await json(await s.call("GET", `/api/v1/admin/tenants/${tenant.id}`))).body.billing,
    ).toMatchObject({ mode: "manual", status: "canceled" });
  });
});

describe("PUT /api/v1/admin/tenants/{id}/billing refuses", () => {
  it("a tenant billed through Stripe (409), writing nothing", async () => {
    const { body: tenant } = await json(
      await s.call("POST", "/api/v1/admin/tenants", { name: "Stripe Billed", planKey: "enterprise" }),
    );
    await s.db.prisma.subscription.create({
      data: { tenantId: tenant.id, stripeSubscriptionId: "sub_123", mode: "STRIPE", status: "active" },
    });
    const before = await rowCounts(s.db);
    const res = await setBilling(tenant.id, "active");
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/sub_123/);
    expect(await rowCounts(s.db)).toEqual(before);
  });

  it.each([
    [{ mode: "stripe", status: "active", currentPeriodEnd: "2030-01-01T00:00:00Z" }, ["mode"]],
    [{ mode: "manual", status: "paid", currentPeriodEnd: "next month" }, ["status", "currentPeriodEnd"]],
    [{ mode: "manual" }, ["status", "currentPeriodEnd"]],
  ])("%j with 422 naming each field", async (input, paths) => {
    const { body: tenant } = await json(
      await s.call("POST", "/api/v1/admin/tenants", {
        name: `Bad billing ${paths.join(" ")} ${input.mode}`,
        planKey: "enterprise",
      }),
    );
    const before = await rowCounts(s.db);
    const res = await json(await s.call("PUT", `/api/v1/admin/tenants/${tenant.id}/billing`, input));
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(paths);
    expect(await rowCounts(s.db)).toEqual(before);
  });

  it("an unknown tenant with 404", async () => {
    expect((await setBilling("no-such-tenant", "active")).status).toBe(404);
  });
});
