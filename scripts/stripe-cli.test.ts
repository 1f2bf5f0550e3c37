// npm run stripe:reconcile and stripe:replay against real PostgreSQL, with the stripe client
// pointed at a local server that plays Stripe's API (and records what it was asked).
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "@/test/db";
import { createTenantWithKey } from "@/test/fixtures";
import { card, customer, dispute, event, subscription } from "@/test/stripe/events";
import { list, startLocalStripe, type LocalStripe } from "@/test/stripe/local-stripe";

let db: TestDatabase;
let stripe: LocalStripe;
let tenantA: string;
let tenantB: string;
const T0 = 1_780_000_000;
const PERIOD = { periodStart: T0, periodEnd: T0 + 30 * 86_400 };

beforeAll(async () => {
  db = await createTestDatabase("stripe_cli");
  stripe = await startLocalStripe();
  Object.assign(process.env, {
    DATABASE_URL: db.url,
    STRIPE_SECRET_KEY: "sk_test_local",
    STRIPE_API_BASE: stripe.url,
  });
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
  tenantA = (await createTenantWithKey(db.prisma, { slug: "rec-a", available: 0n, planKey: "free" })).tenant
    .id;
  tenantB = (await createTenantWithKey(db.prisma, { slug: "rec-b", available: 0n, planKey: "free" })).tenant
    .id;
  await db.prisma.tenant.update({ where: { id: tenantA }, data: { stripeCustomerId: "cus_A" } });
  // The mirror has drifted: a missed recovery, a missed card update, a card removed in Stripe.
  await db.prisma.subscription.create({
    data: {
      tenantId: tenantA,
      stripeSubscriptionId: "sub_A",
      status: "past_due",
      stripePriceId: "price_pro",
      pastDueSince: new Date(T0 * 1000),
      stripeEventCreatedAt: new Date(T0 * 1000),
    },
  });
  await db.prisma.paymentMethod.create({
    data: {
      tenantId: tenantA,
      stripePaymentMethodId: "pm_1",
      brand: "visa",
      last4: "4242",
      expMonth: 1,
      expYear: 2027,
      isDefault: false,
    },
  });
  await db.prisma.paymentMethod.create({
    data: {
      tenantId: tenantA,
      stripePaymentMethodId: "pm_gone",
      brand: "visa",
      last4: "0005",
      expMonth: 1,
      expYear: 2029,
      isDefault: true,
    },
  });

  const full = <T>(shape: T) => shape as T & Record<string, unknown>;
  stripe.on("GET", "/v1/customers", (r) => ({
    body: list(
      [
        full(customer({ id: "cus_A", invoice_settings: { default_payment_method: "pm_1" } })),
        full(customer({ id: "cus_B", metadata: { tenantId: tenantB } })),
        full(customer({ id: "cus_X" })),
      ],
      r.path,
    ),
  }));
  stripe.on("GET", "/v1/subscriptions", (r) => ({
    body: list(
      [
        full(
          subscription({ id: "sub_A", customer: "cus_A", status: "active", priceId: "price_pro", ...PERIOD }),
        ),
        full(
          subscription({ id: "sub_X", customer: "cus_X", status: "active", priceId: "price_pro", ...PERIOD }),
        ),
      ],
      r.path,
    ),
  }));
  stripe.on("GET", "/v1/payment_methods", (r) => ({
    body: list(
      r.query.get("customer") === "cus_A"
        ? [card({ id: "pm_1", customer: "cus_A", expMonth: 1, expYear: 2031 })]
        : r.query.get("customer") === "cus_B"
          ? [card({ id: "pm_2", customer: "cus_B", last4: "1111" })]
          : [],
      r.path,
    ),
  }));
  stripe.on("GET", "/v1/events/evt_remote", () => ({
    body: event(
      "customer.subscription.created",
      subscription({ id: "sub_B", customer: "cus_B", status: "trialing", priceId: "price_pro", ...PERIOD }),
      T0 + 5,
      { id: "evt_remote" },
    ),
  }));
  stripe.on("GET", "/v1/charges/ch_sub", () => ({
    body: { id: "ch_sub", object: "charge", customer: "cus_A" },
  }));
  stripe.on("GET", /^\/v1\/events\//, () => ({
    status: 404,
    body: { error: { type: "invalid_request_error", message: "No such event" } },
  }));
});
afterAll(async () => {
  await stripe?.close();
  await db?.drop();
});

describe("npm run stripe:reconcile", () => {
  it("repairs the drift, prints each change, links customers by metadata, and is a no-op the second time", async () => {
    const { main } = await import("@/scripts/stripe-reconcile");
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
    expect(
      await db.prisma.subscription.findUniqueOrThrow({ where: { stripeSubscriptionId: "sub_A" } }),
    ).toMatchObject({
      status: "active",
      pastDueSince: null,
      currentPeriodEnd: new Date(PERIOD.periodEnd * 1000),
    });
    expect(
      await db.prisma.paymentMethod.findUniqueOrThrow({ where: { stripePaymentMethodId: "pm_1" } }),
    ).toMatchObject({ expYear: 2031, isDefault: true, detachedAt: null });
    expect(
      await db.prisma.paymentMethod.findUniqueOrThrow({ where: { stripePaymentMethodId: "pm_gone" } }),
    ).toMatchObject({ isDefault: false, detachedAt: expect.any(Date) });
    expect(
      await db.prisma.paymentMethod.findUniqueOrThrow({ where: { stripePaymentMethodId: "pm_2" } }),
    ).toMatchObject({ tenantId: tenantB, last4: "1111" });
    expect((await db.prisma.tenant.findUniqueOrThrow({ where: { id: tenantB } })).stripeCustomerId).toBe(
      "cus_B",
    );
    expect(await db.prisma.subscription.count({ where: { stripeSubscriptionId: "sub_X" } })).toBe(0);
    const audit = await db.prisma.auditLog.findMany({ where: { action: "subscription.update" } });
    expect(audit).toEqual([
      expect.objectContaining({
        actorKind: "STRIPE",
        tenantId: tenantA,
        causeId: expect.stringMatching(/^reconcile_/),
      }),
    ]);
    expect(stripe.requests.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(["GET /v1/customers", "GET /v1/subscriptions", "GET /v1/payment_methods"]),
    );
    expect(stripe.requests.every((r) => r.authorization === "Bearer sk_test_local")).toBe(true);

    const again: string[] = [];
    expect(await (await import("@/scripts/stripe-reconcile")).main((l) => again.push(l))).toBe(0);
    expect(again).toEqual(["customer cus_X: no tenant (left unmatched)", "1 change(s)."]);
  });
});

describe("npm run stripe:replay", () => {
  it("re-applies a stored failed event, again safely, fetches one Tollgate never stored, and says when none exists", async () => {
    const { main } = await import("@/scripts/stripe-replay");
    const stored = event(
      "customer.subscription.updated",
      subscription({
        id: "sub_A",
        customer: "cus_A",
        status: "active",
        priceId: "price_pro",
        ...PERIOD,
        cancel_at_period_end: true,
      }),
      Math.floor(Date.now() / 1000) + 60,
    );
    await db.prisma.stripeEvent.create({
      data: {
        id: stored.id,
        type: stored.type,
        created: new Date(stored.created * 1000),
        payload: JSON.parse(JSON.stringify(stored)),
        stripeCustomerId: "cus_A",
        status: "FAILED",
        attempts: 3,
        error: "earlier outage",
      },
    });
    const lines: string[] = [];
    expect(await main([stored.id], (l) => lines.push(l))).toBe(0);
    expect(await main([stored.id], (l) => lines.push(l))).toBe(0);
    expect(lines).toEqual([
      `${stored.id} (stored): processed for tenant ${tenantA}`,
      `${stored.id} (stored): processed for tenant ${tenantA}`,
    ]);
    expect(await db.prisma.stripeEvent.findUniqueOrThrow({ where: { id: stored.id } })).toMatchObject({
      status: "PROCESSED",
      attempts: 5,
      error: null,
    });
    expect(
      (await db.prisma.subscription.findUniqueOrThrow({ where: { stripeSubscriptionId: "sub_A" } }))
        .cancelAtPeriodEnd,
    ).toBe(true);

    const remote: string[] = [];
    expect(await main(["evt_remote"], (l) => remote.push(l))).toBe(0);
    expect(remote).toEqual([`evt_remote (stripe): processed for tenant ${tenantB}`]);
    expect(
      await db.prisma.subscription.findUniqueOrThrow({ where: { stripeSubscriptionId: "sub_B" } }),
    ).toMatchObject({ tenantId: tenantB, status: "trialing" });

    const missing: string[] = [];
    expect(await main(["evt_missing"], (l) => missing.push(l))).toBe(1);
    expect(missing).toEqual(["evt_missing: not stored here and not found at Stripe."]);
    expect(await main(["nope"], () => undefined)).toBe(2);
  });
});

describe("a dispute of a subscription charge", () => {
  it("finds its tenant through the charge's customer at Stripe (the payload names only the charge)", async () => {
    const [{ processStripeEvent }, { createStripe }] = await Promise.all([
      import("@/lib/billing/process-event"),
      import("@/lib/billing/stripe-client"),
    ]);
    const e = event(
      "charge.dispute.created",
      dispute({ id: "dp_sub", charge: "ch_sub", paymentIntent: "pi_invoice", amountCents: 4900 }),
      T0,
    );
    const result = await processStripeEvent(db.prisma, JSON.parse(JSON.stringify(e)), {
      stripe: createStripe("sk_test_local", stripe.url),
    });
    expect(result).toEqual({ outcome: "processed", tenantId: tenantA });
    expect(await db.prisma.tenant.findUniqueOrThrow({ where: { id: tenantA } })).toMatchObject({
      flaggedForReview: true,
      flagReason: expect.stringContaining("dp_sub"),
    });
    expect(await db.prisma.stripeEvent.findUniqueOrThrow({ where: { id: e.id } })).toMatchObject({
      stripeCustomerId: "cus_A",
      status: "PROCESSED",
    });
    // Without a key it cannot know: recorded as unmatched, not guessed.
    const blind = event(
      "charge.dispute.created",
      dispute({ id: "dp_blind", charge: "ch_sub", paymentIntent: "pi_invoice", amountCents: 4900 }),
      T0,
    );
    expect(await processStripeEvent(db.prisma, JSON.parse(JSON.stringify(blind)))).toEqual({
      outcome: "unmatched",
      tenantId: null,
    });
  });
});

describe("reconcile: new, canceled and re-priced subscriptions, a deleted customer, over several pages", () => {
  it("follows has_more with starting_after, writes what Stripe says, and changes nothing the second time", async () => {
    const [{ reconcileStripe }, { createStripe }] = await Promise.all([
      import("@/lib/billing/reconcile"),
      import("@/lib/billing/stripe-client"),
    ]);
    const remote = await startLocalStripe();
    try {
      await db.prisma.plan.create({
        data: {
          key: "team",
          name: "Team",
          monthlyPrice: 99_000_000n,
          stripePriceId: "price_team",
          requestsPerMinute: 1200,
          features: [],
          allowedModels: [],
          topUpAmounts: [],
        },
      });
      const linked = async (slug: string, customerId: string) => {
        const { tenant } = await createTenantWithKey(db.prisma, { slug, available: 0n, planKey: "pro" });
        await db.prisma.tenant.update({ where: { id: tenant.id }, data: { stripeCustomerId: customerId } });
        return tenant.id;
      };
      const [tenantC, tenantD, tenantE] = [
        await linked("rec-c", "cus_C"),
        await linked("rec-d", "cus_D"),
        await linked("rec-e", "cus_E"),
      ];
      const mirrored = {
        status: "active" as const,
        stripePriceId: "price_pro",
        currentPeriodStart: new Date(PERIOD.periodStart * 1000),
        currentPeriodEnd: new Date(PERIOD.periodEnd * 1000),
        stripeEventCreatedAt: new Date(T0 * 1000),
      };
      await db.prisma.subscription.create({
        data: { tenantId: tenantC, stripeSubscriptionId: "sub_C1", ...mirrored },
      });
      await db.prisma.subscription.create({
        data: { tenantId: tenantE, stripeSubscriptionId: "sub_E1", ...mirrored },
      });
      await db.prisma.paymentMethod.create({
        data: {
          tenantId: tenantD,
          stripePaymentMethodId: "pm_D",
          brand: "visa",
          last4: "4242",
          expMonth: 1,
          expYear: 2030,
          isDefault: true,
        },
      });

      const full = <T>(shape: T) => shape as T & Record<string, unknown>;
      const page = (data: unknown[], hasMore: boolean, url: string) => ({
        object: "list",
        data,
        has_more: hasMore,
        url,
      });
      remote.on("GET", "/v1/customers", (r) => ({
        body:
          r.query.get("starting_after") === "cus_C"
            ? page(
                [{ id: "cus_D", object: "customer", deleted: true }, full(customer({ id: "cus_E" }))],
                false,
                r.path,
              )
            : page([full(customer({ id: "cus_C" }))], true, r.path),
      }));
      remote.on("GET", "/v1/subscriptions", (r) => ({
        body:
          r.query.get("starting_after") === "sub_C2"
            ? page(
                [
                  full(
                    subscription({
                      id: "sub_E1",
                      customer: "cus_E",
                      status: "canceled",
                      priceId: "price_pro",
                      ...PERIOD,
                      canceled_at: T0 + 100,
                    }),
                  ),
                ],
                false,
                r.path,
              )
            : page(
                [
                  full(
                    subscription({
                      id: "sub_C1",
                      customer: "cus_C",
                      status: "active",
                      priceId: "price_team",
                      ...PERIOD,
                    }),
                  ),
                  full(
                    subscription({
                      id: "sub_C2",
                      customer: "cus_C",
                      status: "trialing",
                      priceId: "price_team",
                      ...PERIOD,
                      trial_end: PERIOD.periodEnd,
                    }),
                  ),
                ],
                true,
                r.path,
              ),
      }));
      remote.on("GET", "/v1/payment_methods", (r) => ({ body: list([], r.path) }));
      const client = createStripe("sk_test_remote", remote.url);
      const now = new Date((T0 + 200) * 1000);

      expect(await reconcileStripe(db.prisma, client, now)).toEqual([
        "customer cus_D: deleted in Stripe, 1 card(s) detached",
        "subscription sub_C1: price price_pro → price_team",
        "subscription sub_C2: new, trialing",
        "subscription sub_E1: status active → canceled",
      ]);
      const asked = (path: string) =>
        remote.requests.filter((r) => r.path === path).map((r) => Object.fromEntries(r.query));
      expect(asked("/v1/customers")).toEqual([{ limit: "100" }, { limit: "100", starting_after: "cus_C" }]);
      expect(asked("/v1/subscriptions")).toEqual([
        { status: "all", limit: "100" },
        { status: "all", limit: "100", starting_after: "sub_C2" },
      ]);

      const sub = (id: string) =>
        db.prisma.subscription.findUniqueOrThrow({
          where: { stripeSubscriptionId: id },
          include: { plan: true },
        });
      expect(await sub("sub_C1")).toMatchObject({
        tenantId: tenantC,
        status: "active",
        stripePriceId: "price_team",
        plan: { key: "team" },
        stripeEventCreatedAt: now,
      });
      expect(await sub("sub_C2")).toMatchObject({
        tenantId: tenantC,
        status: "trialing",
        stripePriceId: "price_team",
        trialEnd: new Date(PERIOD.periodEnd * 1000),
        stripeEventCreatedAt: now,
      });
      expect(await sub("sub_E1")).toMatchObject({
        tenantId: tenantE,
        status: "canceled",
        canceledAt: new Date((T0 + 100) * 1000),
        stripeEventCreatedAt: now,
      });
      const planOf = async (id: string) =>
        (await db.prisma.tenant.findUniqueOrThrow({ where: { id }, include: { plan: true } })).plan.key;
      expect([await planOf(tenantC), await planOf(tenantE)]).toEqual(["team", "pro"]);
      expect(
        await db.prisma.paymentMethod.findUniqueOrThrow({ where: { stripePaymentMethodId: "pm_D" } }),
      ).toMatchObject({ detachedAt: now, isDefault: false });
      // The link is kept, so late events of the deleted customer still find their tenant.
      expect((await db.prisma.tenant.findUniqueOrThrow({ where: { id: tenantD } })).stripeCustomerId).toBe(
        "cus_D",
      );
      const runAudits = await db.prisma.auditLog.findMany({
        where: { tenantId: { in: [tenantC, tenantD, tenantE] } },
        orderBy: { id: "asc" },
        select: { action: true, actorKind: true, causeId: true },
      });
      expect(new Set(runAudits.map((a) => a.causeId)).size).toBe(1);
      expect(runAudits.every((a) => a.actorKind === "STRIPE" && /^reconcile_/.test(a.causeId ?? ""))).toBe(
        true,
      );
      expect(runAudits.map((a) => a.action)).toEqual(
        expect.arrayContaining([
          "stripe_customer.delete",
          "subscription.update",
          "subscription.create",
          "tenant.plan_change",
        ]),
      );

      expect(await reconcileStripe(db.prisma, client, new Date((T0 + 300) * 1000))).toEqual([]);
    } finally {
      await remote.close();
    }
  });
});
