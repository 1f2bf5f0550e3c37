// POST /api/billing/checkout and /api/billing/portal over real HTTP, with the stripe client
// pointed at a local server (STRIPE_API_BASE) whose received requests are asserted.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import type { SessionUser } from "@/lib/web/area-access";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { createTenantWithKey } from "@/test/fixtures";
import { serveRoutes } from "@/test/serve-route";
import { startLocalStripe, type LocalStripe } from "@/test/stripe/local-stripe";

// The real next-auth session needs a browser's cookie; the e2e spec signs in for real.
const current = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/web/session", () => ({ getSessionUser: async () => current.user }));

let db: TestDatabase;
let stripe: LocalStripe;
let server: { url: string; close(): Promise<void> };
let tenantId: string;
const customersByKey = new Map<string, string>();

beforeAll(async () => {
  db = await createTestDatabase("billing_outbound");
  stripe = await startLocalStripe();
  Object.assign(process.env, {
    DATABASE_URL: db.url,
    STRIPE_SECRET_KEY: "sk_test_local",
    STRIPE_API_BASE: stripe.url,
    APP_URL: "https://tollgate.test",
  });
  // Stripe's idempotency: the same key answers the same customer.
  stripe.on("POST", "/v1/customers", (r) => {
    const key = r.idempotencyKey ?? `none-${Math.random()}`;
    if (!customersByKey.has(key)) customersByKey.set(key, `cus_local_${customersByKey.size + 1}`);
    return {
      body: {
        id: customersByKey.get(key),
        object: "customer",
        name: r.form.get("name"),
        email: r.form.get("email"),
        metadata: { tenantId: r.form.get("metadata[tenantId]") },
      },
      delayMs: 150,
    };
  });
  stripe.on("POST", "/v1/checkout/sessions", (r) => ({
    body: {
      id: "cs_local_1",
      object: "checkout.session",
      mode: r.form.get("mode"),
      url: "https://checkout.stripe.test/c/pay/cs_local_1",
    },
  }));
  stripe.on("POST", "/v1/billing_portal/sessions", () => ({
    body: {
      id: "bps_local_1",
      object: "billing_portal.session",
      url: "https://billing.stripe.test/p/session/bps_local_1",
    },
  }));
  server = await serveRoutes(["/api/billing/checkout", "/api/billing/portal"]);
  const { tenant, plan } = await createTenantWithKey(db.prisma, {
    slug: "buyer",
    available: 0n,
    planKey: "starter",
  });
  await db.prisma.plan.update({ where: { id: plan.id }, data: { topUpAmounts: [10_000_000n, 50_000_000n] } });
  await db.prisma.plan.create({
    data: {
      key: "pro",
      name: "Pro",
      monthlyPrice: 49_000_000n,
      stripePriceId: "price_pro",
      requestsPerMinute: 600,
      features: [],
      allowedModels: [],
      topUpAmounts: [],
    },
  });
  tenantId = tenant.id;
});
afterAll(async () => {
  await server?.close();
  await stripe?.close();
  const [{ pool }, { prisma }] = await Promise.all([import("@/lib/db/pool"), import("@/lib/db")]);
  await Promise.all([pool().end(), prisma.$disconnect()]);
  await db?.drop();
});
beforeEach(() => {
  current.user = { id: "u_owner", email: "owner@buyer.test", name: "Owner", role: "TENANT_OWNER", tenantId };
  stripe.requests.length = 0;
});

const post = (path: string, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe("POST /api/billing/checkout", () => {
  it("creates one customer for a double click (Stripe idempotency key), links it, and opens a top-up Checkout with the credits in metadata", async () => {
    const [a, b] = await Promise.all([
      post("/api/billing/checkout", { kind: "top_up", amount: "10000000" }),
      post("/api/billing/checkout", { kind: "top_up", amount: "10000000" }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await a.json()).toEqual({ url: "https://checkout.stripe.test/c/pay/cs_local_1" });
    const creates = stripe.requests.filter((r) => r.path === "/v1/customers");
    expect(creates.map((r) => r.idempotencyKey)).toEqual([
      `tollgate-customer-${tenantId}`,
      `tollgate-customer-${tenantId}`,
    ]);
    expect(creates[0]!.form.get("metadata[tenantId]")).toBe(tenantId);
    expect(creates[0]!.authorization).toBe("Bearer sk_test_local");
    expect(customersByKey.size).toBe(1);
    expect((await db.prisma.tenant.findUniqueOrThrow({ where: { id: tenantId } })).stripeCustomerId).toBe(
      "cus_local_1",
    );

    const session = stripe.requests.find((r) => r.path === "/v1/checkout/sessions")!;
    expect(Object.fromEntries(session.form)).toMatchObject({
      mode: "payment",
      customer: "cus_local_1",
      client_reference_id: tenantId,
      "metadata[tenantId]": tenantId,
      "metadata[kind]": "top_up",
      "metadata[credits]": "10000000",
      "payment_intent_data[metadata][credits]": "10000000",
      "payment_intent_data[metadata][tenantId]": tenantId,
      "line_items[0][price_data][unit_amount]": "1000",
      "line_items[0][price_data][currency]": "usd",
      "line_items[0][quantity]": "1",
      success_url: "https://tollgate.test/app/billing?checkout=success#top-up",
      cancel_url: "https://tollgate.test/app/billing#top-up",
    });
    // Linked now: the next checkout creates no customer.
    await post("/api/billing/checkout", { kind: "top_up", amount: "50000000" });
    expect(stripe.requests.filter((r) => r.path === "/v1/customers")).toHaveLength(2);
  });

  it("opens a subscription Checkout with the plan's Stripe price", async () => {
    const res = await post("/api/billing/checkout", { kind: "subscription", planKey: "pro" });
    expect(res.status).toBe(200);
    const session = stripe.requests.find((r) => r.path === "/v1/checkout/sessions")!;
    expect(Object.fromEntries(session.form)).toMatchObject({
      mode: "subscription",
      customer: "cus_local_1",
      "line_items[0][price]": "price_pro",
      "metadata[planKey]": "pro",
      "subscription_data[metadata][tenantId]": tenantId,
      success_url: "https://tollgate.test/app/billing?checkout=success#plans",
    });
  });

  it("refuses an amount the plan does not offer (422) and a plan without a price, calling Stripe for neither", async () => {
    const odd = await post("/api/billing/checkout", { kind: "top_up", amount: "12345" });
    expect([odd.status, (await odd.json()).code]).toEqual([422, "not_offered"]);
    const noPrice = await post("/api/billing/checkout", { kind: "subscription", planKey: "starter" });
    expect([noPrice.status, (await noPrice.json()).code]).toEqual([422, "no_price"]);
    const bad = await post("/api/billing/checkout", { kind: "top_up", amount: 5 });
    expect(bad.status).toBe(422);
    expect(stripe.requests).toEqual([]);
  });

  it("is for the tenant owner only: a member gets 403, signed out 401", async () => {
    current.user = { id: "u_member", email: "m@buyer.test", name: "M", role: "TENANT_MEMBER", tenantId };
    expect((await post("/api/billing/checkout", { kind: "top_up", amount: "10000000" })).status).toBe(403);
    current.user = null;
    expect((await post("/api/billing/portal")).status).toBe(401);
    expect(stripe.requests).toEqual([]);
  });
});

describe("POST /api/billing/portal", () => {
  it("opens a Billing Portal session for the tenant's customer, returning to the billing page", async () => {
    const res = await post("/api/billing/portal");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ url: "https://billing.stripe.test/p/session/bps_local_1" });
    expect(stripe.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /v1/billing_portal/sessions"]);
    expect(Object.fromEntries(stripe.requests[0]!.form)).toEqual({
      customer: "cus_local_1",
      return_url: "https://tollgate.test/app/billing",
    });
  });

  it("creates (under the tenant's idempotency key) and links the customer of a tenant that has none, then opens the portal for it", async () => {
    const { tenant } = await createTenantWithKey(db.prisma, {
      slug: "portal-first",
      available: 0n,
      planKey: "starter",
    });
    current.user = {
      id: "u_portal_owner",
      email: "owner@portal.test",
      name: "Owner",
      role: "TENANT_OWNER",
      tenantId: tenant.id,
    };
    const res = await post("/api/billing/portal");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ url: "https://billing.stripe.test/p/session/bps_local_1" });
    expect(stripe.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /v1/customers",
      "POST /v1/billing_portal/sessions",
    ]);
    const [create, portal] = stripe.requests;
    expect(create!.idempotencyKey).toBe(`tollgate-customer-${tenant.id}`);
    expect(Object.fromEntries(create!.form)).toEqual({
      name: "portal-first",
      email: "owner@portal.test",
      "metadata[tenantId]": tenant.id,
    });
    const customerId = customersByKey.get(`tollgate-customer-${tenant.id}`);
    expect(customerId).toMatch(/^cus_local_\d+$/);
    expect(Object.fromEntries(portal!.form)).toEqual({
      customer: customerId,
      return_url: "https://tollgate.test/app/billing",
    });
    expect(await db.prisma.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).toMatchObject({
      stripeCustomerId: customerId,
    });
    expect(
      await db.prisma.auditLog.findMany({
        where: { tenantId: tenant.id },
        select: { action: true, actorKind: true, actorId: true, after: true },
      }),
    ).toEqual([
      {
        action: "tenant.stripe_link",
        actorKind: "USER",
        actorId: "u_portal_owner",
        after: { stripeCustomerId: customerId },
      },
    ]);
  });
});
