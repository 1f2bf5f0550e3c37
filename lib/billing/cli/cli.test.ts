// npm run stripe:reconcile and stripe:replay against real PostgreSQL, with the stripe client
// pointed at a local server that plays Stripe's API (and records what it was asked).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { createTenantWithKey } from "@/lib/testing/fixtures";
import { list, startLocalStripe, type LocalStripe } from "@/lib/billing/testing/local-stripe";
import { card, customer, dispute, event, subscription } from "@/lib/billing/testing/events";

let db: TestDatabase;
let stripe: LocalStripe;
let tenantA: string;
let tenantB: string;
const T0 = 1_780_000_000;
const PERIOD = { periodStart: T0, periodEnd: T0 + 30 * 86_400 };

beforeAll(async () => {
  db = await createTestDatabase("stripe_cli");
  stripe = await startLocalStripe();
  Object.assign(process.env, { DATABASE_URL: db.url, STRIPE_SECRET_KEY: "sk_test_local", STRIPE_API_BASE: stripe.url });
  await db.prisma.plan.create({ data: { key: "pro", name: "Pro", monthlyPrice: 49_000_000n, stripePriceId: "price_pro", requestsPerMinute: 600, features: [], allowedModels: [], topUpAmounts: [] } });
  tenantA = (await createTenantWithKey(db.prisma, { slug: "rec-a", available: 0n, planKey: "free" })).tenant.id;
  tenantB = (await createTenantWithKey(db.prisma, { slug: "rec-b", available: 0n, planKey: "free" })).tenant.id;
  await db.prisma.tenant.update({ where: { id: tenantA }, data: { stripeCustomerId: "cus_A" } });
  // The mirror has drifted: a missed recovery, a missed card update, a card removed in Stripe.
  await db.prisma.subscription.create({ data: { tenantId: tenantA, stripeSubscriptionId: "sub_A", status: "past_due", stripePriceId: "price_pro", pastDueSince: new Date(T0 * 1000), stripeEventCreatedAt: new Date(T0 * 1000) } });
  await db.prisma.paymentMethod.create({ data: { tenantId: tenantA, stripePaymentMethodId: "pm_1", brand: "visa", last4: "4242", expMonth: 1, expYear: 2027, isDefault: false } });
  await db.prisma.paymentMethod.create({ data: { tenantId: tenantA, stripePaymentMethodId: "pm_gone", brand: "visa", last4: "0005", expMonth: 1, expYear: 2029, isDefault: true } });

  const full = <T>(shape: T) => shape as T & Record<string, unknown>;
  stripe.on("GET", "/v1/customers", (r) => ({
    body: list([
      full(customer({ id: "cus_A", invoice_settings: { default_payment_method: "pm_1" } })),
      full(customer({ id: "cus_B", metadata: { tenantId: tenantB } })),
      full(customer({ id: "cus_X" })),
    ], r.path),
  }));
  stripe.on("GET", "/v1/subscriptions", (r) => ({
    body: list([full(subscription({ id: "sub_A", customer: "cus_A", status: "active", priceId: "price_pro", ...PERIOD })), full(subscription({ id: "sub_X", customer: "cus_X", status: "active", priceId: "price_pro", ...PERIOD }))], r.path),
  }));
  stripe.on("GET", "/v1/payment_methods", (r) => ({
    body: list(r.query.get("customer") === "cus_A" ? [card({ id: "pm_1", customer: "cus_A", expMonth: 1, expYear: 2031 })] : r.query.get("customer") === "cus_B" ? [card({ id: "pm_2", customer: "cus_B", last4: "1111" })] : [], r.path),
  }));
  stripe.on("GET", "/v1/events/evt_remote", () => ({ body: event("customer.subscription.created", subscription({ id: "sub_B", customer: "cus_B", status: "trialing", priceId: "price_pro", ...PERIOD }), T0 + 5, { id: "evt_remote" }) }));
  stripe.on("GET", "/v1/charges/ch_sub", () => ({ body: { id: "ch_sub", object: "charge", customer: "cus_A" } }));
  stripe.on("GET", /^\/v1\/events\//, () => ({ status: 404, body: { error: { type: "invalid_request_error", message: "No such event" } } }));
});
afterAll(async () => {
  await stripe?.close();
  await db?.drop();
});

describe("npm run stripe:reconcile", () => {
  it("repairs the drift, prints each change, links customers by metadata, and is a no-op the second time", async () => {
    const { main } = await import("@/lib/billing/cli/reconcile");
    const lines: string[] = [];
    expect(await main((l) => lines.push(l))).toBe(0);
    expect(lines).toEqual([
      "card pm_1: 4242 1/2027 → 4242 1/2031",
      "card pm_gone: detached in Stripe",
      "card pm_1: default false → true",
      `customer cus_B: linked to tenant ${tenantB}`,
      "card pm_2: new visa 1111",
      "customer cus_X: no tenant (left unmatched)",
      `subscription sub_A: status past_due → active, period end none → ${new Date(PERIOD.periodEnd * 1000).toISOString()}`,
      "7 change(s).",
    ]);
    expect(await db.prisma.subscription.findUniqueOrThrow({ where: { stripeSubscriptionId: "sub_A" } })).toMatchObject({ status: "active", pastDueSince: null, currentPeriodEnd: new Date(PERIOD.periodEnd * 1000) });
    expect(await db.prisma.paymentMethod.findUniqueOrThrow({ where: { stripePaymentMethodId: "pm_1" } })).toMatchObject({ expYear: 2031, isDefault: true, detachedAt: null });
    expect(await db.prisma.paymentMethod.findUniqueOrThrow({ where: { stripePaymentMethodId: "pm_gone" } })).toMatchObject({ isDefault: false, detachedAt: expect.any(Date) });
    expect(await db.prisma.paymentMethod.findUniqueOrThrow({ where: { stripePaymentMethodId: "pm_2" } })).toMatchObject({ tenantId: tenantB, last4: "1111" });
    expect((await db.prisma.tenant.findUniqueOrThrow({ where: { id: tenantB } })).stripeCustomerId).toBe("cus_B");
    expect(await db.prisma.subscription.count({ where: { stripeSubscriptionId: "sub_X" } })).toBe(0);
    const audit = await db.prisma.auditLog.findMany({ where: { action: "subscription.update" } });
    expect(audit).toEqual([expect.objectContaining({ actorKind: "STRIPE", tenantId: tenantA, causeId: expect.stringMatching(/^reconcile_/) })]);
    expect(stripe.requests.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(["GET /v1/customers", "GET /v1/subscriptions", "GET /v1/payment_methods"]));
    expect(stripe.requests.every((r) => r.authorization === "Bearer sk_test_local")).toBe(true);

    const again: string[] = [];
    expect(await (await import("@/lib/billing/cli/reconcile")).main((l) => again.push(l))).toBe(0);
    expect(again).toEqual(["customer cus_X: no tenant (left unmatched)", "1 change(s)."]);
  });
});

describe("npm run stripe:replay", () => {
  it("re-applies a stored failed event, again safely, fetches one Tollgate never stored, and says when none exists", async () => {
    const { main } = await import("@/lib/billing/cli/replay");
    const stored = event("customer.subscription.updated", subscription({ id: "sub_A", customer: "cus_A", status: "active", priceId: "price_pro", ...PERIOD, cancel_at_period_end: true }), Math.floor(Date.now() / 1000) + 60);
    await db.prisma.stripeEvent.create({ data: { id: stored.id, type: stored.type, created: new Date(stored.created * 1000), payload: JSON.parse(JSON.stringify(stored)), stripeCustomerId: "cus_A", status: "FAILED", attempts: 3, error: "earlier outage" } });
    const lines: string[] = [];
    expect(await main([stored.id], (l) => lines.push(l))).toBe(0);
    expect(await main([stored.id], (l) => lines.push(l))).toBe(0);
    expect(lines).toEqual([`${stored.id} (stored): processed for tenant ${tenantA}`, `${stored.id} (stored): processed for tenant ${tenantA}`]);
    expect(await db.prisma.stripeEvent.findUniqueOrThrow({ where: { id: stored.id } })).toMatchObject({ status: "PROCESSED", attempts: 5, error: null });
    expect((await db.prisma.subscription.findUniqueOrThrow({ where: { stripeSubscriptionId: "sub_A" } })).cancelAtPeriodEnd).toBe(true);

    const remote: string[] = [];
    expect(await main(["evt_remote"], (l) => remote.push(l))).toBe(0);
    expect(remote).toEqual([`evt_remote (stripe): processed for tenant ${tenantB}`]);
    expect(await db.prisma.subscription.findUniqueOrThrow({ where: { stripeSubscriptionId: "sub_B" } })).toMatchObject({ tenantId: tenantB, status: "trialing" });

    const missing: string[] = [];
    expect(await main(["evt_missing"], (l) => missing.push(l))).toBe(1);
    expect(missing).toEqual(["evt_missing: not stored here and not found at Stripe."]);
    expect(await main(["nope"], () => undefined)).toBe(2);
  });
});

describe("a dispute of a subscription charge", () => {
  it("finds its tenant through the charge's customer at Stripe (the payload names only the charge)", async () => {
    const [{ processStripeEvent }, { createStripe }] = await Promise.all([import("@/lib/billing/process-event"), import("@/lib/billing/stripe-client")]);
    const e = event("charge.dispute.created", dispute({ id: "dp_sub", charge: "ch_sub", paymentIntent: "pi_invoice", amountCents: 4900 }), T0);
    const result = await processStripeEvent(db.prisma, JSON.parse(JSON.stringify(e)), { stripe: createStripe("sk_test_local", stripe.url) });
    expect(result).toEqual({ outcome: "processed", tenantId: tenantA });
    expect(await db.prisma.tenant.findUniqueOrThrow({ where: { id: tenantA } })).toMatchObject({ flaggedForReview: true, flagReason: expect.stringContaining("dp_sub") });
    expect(await db.prisma.stripeEvent.findUniqueOrThrow({ where: { id: e.id } })).toMatchObject({ stripeCustomerId: "cus_A", status: "PROCESSED" });
    // Without a key it cannot know: recorded as unmatched, not guessed.
    const blind = event("charge.dispute.created", dispute({ id: "dp_blind", charge: "ch_sub", paymentIntent: "pi_invoice", amountCents: 4900 }), T0);
    expect(await processStripeEvent(db.prisma, JSON.parse(JSON.stringify(blind)))).toEqual({ outcome: "unmatched", tenantId: null });
  });
});
