// A same-second pair Stripe's data cannot order, with STRIPE_SECRET_KEY set: the mirror reads the
// object from the (local stand-in of the) Stripe API once and stores what it answered, whichever
// event arrives first; later same-second arrivals and redeliveries do not read again.
import { beforeAll, describe, expect, it } from "vitest";

import { card, customer, event, subscription } from "@/test/stripe/events";
import { startLocalStripe, type LocalStripe } from "@/test/stripe/local-stripe";
import { PERIOD, sec, T0, webhookTestServer } from "@/test/stripe/webhook-harness";

let stripe: LocalStripe;
// Registered before the harness's own beforeAll, so the server starts with the key and base set.
beforeAll(async () => {
  stripe = await startLocalStripe();
  Object.assign(process.env, { STRIPE_SECRET_KEY: "sk_test_local", STRIPE_API_BASE: stripe.url });
  return () => stripe.close();
});
const { s, tenant, send } = webhookTestServer("stripe_same_second_read");

const reads = (path: string) => stripe.requests.filter((r) => r.method === "GET" && r.path === path).length;

describe("same-second events Stripe's data does not order, with a Stripe key", () => {
  it.each([
    ["cancel first", false],
    ["undo first", true],
  ] as const)(
    "a subscription set to cancel and back in one second (no earlier event recorded), %s: one API read decides",
    async (_n, reversed) => {
      const { customerId } = await tenant();
      const id = `sub_read_${customerId}`;
      const sub = (cancel: boolean) =>
        subscription({
          id,
          customer: customerId,
          status: "active",
          priceId: "price_pro",
          ...PERIOD,
          cancel_at_period_end: cancel,
        });
      // What Stripe says now: the cancellation was undone, and the customer still pays.
      stripe.on("GET", `/v1/subscriptions/${id}`, () => ({ body: sub(false) }));
      const cancel = event("customer.subscription.updated", sub(true), T0, {
        previous_attributes: { cancel_at_period_end: false },
      });
      const undo = event("customer.subscription.updated", sub(false), T0, {
        previous_attributes: { cancel_at_period_end: true },
      });
      // The old rule (same status: the later arrival wins) is right in one of these orders only.
      const [a, b] = reversed ? [undo, cancel] : [cancel, undo];
      for (const e of [a, b, a, b]) expect((await send(e)).status).toBe(200);
      const row = await s.db.prisma.subscription.findUniqueOrThrow({ where: { stripeSubscriptionId: id } });
      expect(row).toMatchObject({
        status: "active",
        cancelAtPeriodEnd: false,
        stripeEventCreatedAt: sec(T0),
        stripeEventId: `api_read:${b.id}`,
      });
      expect(reads(`/v1/subscriptions/${id}`)).toBe(1);
      expect(
        await s.db.prisma.stripeObjectRead.findUnique({
          where: { objectId_created: { objectId: id, created: sec(T0) } },
        }),
      ).toMatchObject({ eventId: b.id, payload: expect.objectContaining({ cancel_at_period_end: false }) });
    },
  );

  it("an ordered pair reads nothing (created, then updated with previous_attributes)", async () => {
    const { customerId } = await tenant();
    const id = `sub_noread_${customerId}`;
    const sub = (status: "trialing" | "active") =>
      subscription({ id, customer: customerId, status, priceId: "price_pro", ...PERIOD });
    const updated = event("customer.subscription.updated", sub("active"), T0, {
      previous_attributes: { status: "trialing" },
    });
    for (const e of [updated, event("customer.subscription.created", sub("trialing"), T0)])
      expect((await send(e)).status).toBe(200);
    expect(
      await s.db.prisma.subscription.findUniqueOrThrow({ where: { stripeSubscriptionId: id } }),
    ).toMatchObject({ status: "active", stripeEventId: updated.id });
    expect(stripe.requests.filter((r) => r.path.includes(id))).toEqual([]);
  });

  it("a customer's default card switched and back in one second: one read of the customer decides", async () => {
    const { tenantId, customerId } = await tenant();
    const [pm1, pm2] = [`pm_${customerId}_1`, `pm_${customerId}_2`];
    stripe.on("GET", `/v1/customers/${customerId}`, () => ({
      body: customer({ id: customerId, invoice_settings: { default_payment_method: pm2 } }),
    }));
    const withDefault = (pm: string) =>
      customer({ id: customerId, invoice_settings: { default_payment_method: pm } });
    for (const e of [
      event("payment_method.attached", card({ id: pm1, customer: customerId }), T0 - 10),
      event("payment_method.attached", card({ id: pm2, customer: customerId }), T0 - 10),
      event("customer.updated", withDefault(pm2), T0, {
        previous_attributes: { invoice_settings: { default_payment_method: pm1 } },
      }),
      event("customer.updated", withDefault(pm1), T0, {
        previous_attributes: { invoice_settings: { default_payment_method: pm2 } },
      }),
    ])
      expect((await send(e)).status).toBe(200);
    const cards = await s.db.prisma.paymentMethod.findMany({
      where: { tenantId },
      orderBy: { stripePaymentMethodId: "asc" },
      select: { stripePaymentMethodId: true, isDefault: true },
    });
    expect(cards).toEqual([
      { stripePaymentMethodId: pm1, isDefault: false },
      { stripePaymentMethodId: pm2, isDefault: true },
    ]);
    expect(reads(`/v1/customers/${customerId}`)).toBe(1);
  });
});
