// The demo without STRIPE_SECRET_KEY: POST /api/billing/simulate pays a top-up through the app's
// own webhook with a signed event (the real path), and Checkout answers 503 billing_not_configured.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import type { SessionUser } from "@/lib/web/area-access";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { createTenantWithKey } from "@/test/fixtures";
import { serveRoutes } from "@/test/serve-route";

const current = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/web/session", () => ({ getSessionUser: async () => current.user }));

let db: TestDatabase;
let server: { url: string; close(): Promise<void> };
let tenantId: string;

beforeAll(async () => {
  db = await createTestDatabase("billing_simulate");
  Object.assign(process.env, { DATABASE_URL: db.url, TOLLGATE_DEMO: "1" });
  for (const name of ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_BASE"])
    delete process.env[name];
  server = await serveRoutes([
    "/api/billing/simulate",
    "/api/stripe/webhook",
    "/api/billing/checkout",
    "/api/billing/portal",
  ]);
  process.env.APP_URL = server.url; // read on first use, after this: the simulated event goes to this server's webhook
  const { tenant, plan } = await createTenantWithKey(db.prisma, {
    slug: "demo-buyer",
    available: 1_000_000n,
    planKey: "starter",
  });
  await db.prisma.plan.update({ where: { id: plan.id }, data: { topUpAmounts: [10_000_000n] } });
  tenantId = tenant.id;
});
afterAll(async () => {
  await server?.close();
  const [{ pool }, { prisma }] = await Promise.all([import("@/lib/db/pool"), import("@/lib/db")]);
  await Promise.all([pool().end(), prisma.$disconnect()]);
  await db?.drop();
});
beforeEach(() => {
  current.user = { id: "u_owner", email: "owner@demo.test", name: "Owner", role: "TENANT_OWNER", tenantId };
});

const post = (path: string, body: unknown) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });

describe("demo billing", () => {
  it("Simulate payment posts a signed checkout.session.completed to the webhook, which grants the credits once", async () => {
    const res = await post("/api/billing/simulate", { amount: "10000000" });
    expect(res.status).toBe(200);
    const { eventId } = await res.json();
    expect(eventId).toMatch(/^evt_demo_[0-9a-f]{16}$/);
    expect(await db.prisma.stripeEvent.findUniqueOrThrow({ where: { id: eventId } })).toMatchObject({
      type: "checkout.session.completed",
      status: "PROCESSED",
      tenantId,
    });
    expect((await db.prisma.creditBalance.findUniqueOrThrow({ where: { tenantId } })).available).toBe(
      11_000_000n,
    );
    expect(
      await db.prisma.auditLog.findFirst({ where: { causeId: eventId, action: "billing.topup" } }),
    ).toMatchObject({ actorKind: "STRIPE", tenantId });
  });

  it("refuses an amount the plan does not offer, and a member", async () => {
    const odd = await post("/api/billing/simulate", { amount: "7000000" });
    expect([odd.status, (await odd.json()).code]).toEqual([422, "not_offered"]);
    current.user = { ...current.user!, role: "TENANT_MEMBER" };
    expect((await post("/api/billing/simulate", { amount: "10000000" })).status).toBe(403);
    expect((await db.prisma.creditBalance.findUniqueOrThrow({ where: { tenantId } })).available).toBe(
      11_000_000n,
    );
  });

  it.each([
    ["/api/billing/checkout", { kind: "top_up", amount: "10000000" }],
    ["/api/billing/portal", {}],
    // "Not available here" is not hidden behind a validation error (the route's `requires`).
    ["/api/billing/checkout", { kind: "top_up", amount: "10000000", tenantId: "tnt_other" }],
    ["/api/billing/checkout", { kind: "nonsense" }],
  ])(
    "%s %j answers 503 billing_not_configured (problem+json) without STRIPE_SECRET_KEY",
    async (path, body) => {
      const res = await post(path, body);
      expect(res.status).toBe(503);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(await res.json()).toMatchObject({
        status: 503,
        code: "billing_not_configured",
        title: "Billing not configured",
      });
      expect(
        (await db.prisma.tenant.findUniqueOrThrow({ where: { id: tenantId } })).stripeCustomerId,
      ).toBeNull();
    },
  );
});

describe("Simulate payment outside the demo", () => {
  // The environment is read once per process: each case imports the route afresh under its own.
  it.each([
    ["TOLLGATE_DEMO unset", { TOLLGATE_DEMO: undefined }],
    [
      "STRIPE_SECRET_KEY set",
      { STRIPE_SECRET_KEY: "sk_test_real_billing", STRIPE_WEBHOOK_SECRET: "whsec_test_configured" },
    ],
  ])(
    "answers 404 not_found with %s and pays nothing",
    async (_name, vars: Record<string, string | undefined>) => {
      const saved = { ...process.env };
      for (const [k, v] of Object.entries(vars)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      vi.resetModules();
      const isolated = await serveRoutes(["/api/billing/simulate"]);
      try {
        const [balance, events] = await Promise.all([
          db.prisma.creditBalance.findUniqueOrThrow({ where: { tenantId } }),
          db.prisma.stripeEvent.count(),
        ]);
        const res = await fetch(`${isolated.url}/api/billing/simulate`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ amount: "10000000" }),
        });
        expect(res.status).toBe(404);
        expect(res.headers.get("content-type")).toBe("application/problem+json");
        expect(await res.json()).toMatchObject({
          code: "not_found",
          detail: "Simulated payments exist only in the demo, without STRIPE_SECRET_KEY.",
        });
        // A body the demo would refuse (422) still learns only that the route is not here.
        const bad = await fetch(`${isolated.url}/api/billing/simulate`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ amount: "ten dollars", tenantId: "tnt_other" }),
        });
        expect([bad.status, ((await bad.json()) as { code: string }).code]).toEqual([404, "not_found"]);
        expect(await db.prisma.creditBalance.findUniqueOrThrow({ where: { tenantId } })).toEqual(balance);
        expect(await db.prisma.stripeEvent.count()).toBe(events);
      } finally {
        await isolated.close();
        process.env = saved;
      }
    },
  );
});
