// Events that share one `created` second converge to Stripe's final state in every delivery
// order, over real HTTP against real PostgreSQL, with no Stripe key (the order comes from the
// events alone: created first, deleted/detached last, previous_attributes chaining the updates).
// Event ids are given both in and against time order: Stripe's ids are not ordered in time, and
// ordering by id was the bug (a Checkout set-up's card not the default about half the time).
import { describe, expect, it } from "vitest";

import { createTenantWithKey, TEST_MODEL } from "@/test/fixtures";
import { card, customer, event, subscription, type TestEvent } from "@/test/stripe/events";
import { PERIOD, sec, T0, webhookTestServer } from "@/test/stripe/webhook-harness";

const { s, send } = webhookTestServer("stripe_same_second");

/** The orders of a list (all n! of them). */
function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((x, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]),
  );
}

/** Ids for a timeline given oldest first: in time order, or against it. */
function withIds(timeline: TestEvent[], tag: string, against: boolean): TestEvent[] {
  const n = timeline.length;
  return timeline.map((e, i) => ({
    ...e,
    id: `evt_${tag}_${String(against ? n - i : i + 1).padStart(2, "0")}`,
  }));
}

let n = 0;
/** A tenant on a free plan that needs a card on file, linked to its own customer. */
async function cardTenant() {
  const r = ++n;
  await s.db.prisma.plan.upsert({
    where: { key: "card-required" },
    update: {},
    create: {
      key: "card-required",
      name: "Card required",
      monthlyPrice: 0n,
      requiresPaymentMethod: true,
      requestsPerMinute: 100_000,
      features: ["chat"],
      allowedModels: [],
      topUpAmounts: [],
    },
  });
  const { tenant, secret } = await createTenantWithKey(s.db.prisma, {
    slug: `same-${r}`,
    available: 10_000_000n,
    planKey: "card-required",
  });
  const customerId = `cus_same_${r}`;
  await s.db.prisma.tenant.update({ where: { id: tenant.id }, data: { stripeCustomerId: customerId } });
  return { tenantId: tenant.id, customerId, secret, r };
}

async function authorize(secret: string) {
  const res = await fetch(`${s.url}/api/v1/authorize`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${secret}` },
    body: JSON.stringify({
      model: TEST_MODEL.id,
      inputTokens: 10,
      maxOutputTokens: 10,
      requestId: `r-${++n}`,
    }),
  });
  return { status: res.status, body: (await res.json()) as { code?: string } };
}

async function deliver(events: TestEvent[]) {
  for (const e of events) expect((await send(e)).body, e.type).toMatchObject({ outcome: "processed" });
}

const cards = (tenantId: string) =>
  s.db.prisma.paymentMethod.findMany({
    where: { tenantId },
    orderBy: { stripePaymentMethodId: "asc" },
    select: { stripePaymentMethodId: true, isDefault: true, detachedAt: true },
  });

/** Checkout in setup mode: three events of one second, as Stripe sends them. */
function checkoutSetup(cus: string, pm: string): TestEvent[] {
  return [
    event("customer.created", customer({ id: cus }), T0),
    event("payment_method.attached", card({ id: pm, customer: cus }), T0),
    event("customer.updated", customer({ id: cus, invoice_settings: { default_payment_method: pm } }), T0, {
      previous_attributes: { invoice_settings: { default_payment_method: null } },
    }),
  ];
}

const ORDERS = permutations([0, 1, 2]);
const ID_ORDERS = [
  ["ids in time order", false],
  ["ids against time order", true],
] as const;

describe("same-second Stripe events", () => {
  describe.each(ID_ORDERS)(
    "Checkout set-up (customer.created → card attached → default set), %s",
    (_n, against) => {
      it.each(ORDERS.map((o) => [o.join(",")]))(
        "delivered in order %s: the card is the default and authorize allows",
        async (order) => {
          const t = await cardTenant();
          const timeline = withIds(checkoutSetup(t.customerId, `pm_same_${t.r}`), `setup${t.r}`, against);
          await deliver(order.split(",").map((i) => timeline[Number(i)]!));
          expect(await cards(t.tenantId)).toEqual([
            { stripePaymentMethodId: `pm_same_${t.r}`, isDefault: true, detachedAt: null },
          ]);
          const answer = await authorize(t.secret);
          expect([answer.status, answer.body.code]).toEqual([200, undefined]);
        },
      );
    },
  );

  describe.each(ID_ORDERS)(
    "card replacement in the set-up's second (pm2 attached → default pm1→pm2 → pm1 detached), %s",
    (_n, against) => {
      it.each(ORDERS.map((o) => [o.join(",")]))(
        "replacement delivered in order %s: pm2 is the default, pm1 detached",
        async (order) => {
          const t = await cardTenant();
          const [pm1, pm2] = [`pm_same_${t.r}a`, `pm_same_${t.r}b`];
          const timeline = withIds(
            [
              ...checkoutSetup(t.customerId, pm1),
              event("payment_method.attached", card({ id: pm2, customer: t.customerId, last4: "1881" }), T0),
              event(
                "customer.updated",
                customer({ id: t.customerId, invoice_settings: { default_payment_method: pm2 } }),
                T0,
                { previous_attributes: { invoice_settings: { default_payment_method: pm1 } } },
              ),
              event("payment_method.detached", card({ id: pm1, customer: null }), T0, {
                previous_attributes: { customer: t.customerId },
              }),
            ],
            `repl${t.r}`,
            against,
          );
          await deliver(timeline.slice(0, 3));
          await deliver(order.split(",").map((i) => timeline[3 + Number(i)]!));
          expect(await cards(t.tenantId)).toEqual([
            { stripePaymentMethodId: pm1, isDefault: false, detachedAt: sec(T0) },
            { stripePaymentMethodId: pm2, isDefault: true, detachedAt: null },
          ]);
          const answer = await authorize(t.secret);
          expect([answer.status, answer.body.code]).toEqual([200, undefined]);
        },
      );
    },
  );

  type Status = "trialing" | "active" | "past_due" | "paused";
  type Step = {
    type: "updated" | "paused" | "resumed";
    status: Status;
    cancel?: boolean;
    was: Record<string, unknown>;
  };
  const PAIRS: Array<
    [string, Status, Step, Step, { status: Status; cancelAtPeriodEnd: boolean; pastDue: boolean }]
  > = [
    [
      "trialing → active, then active → past_due",
      "trialing",
      { type: "updated", status: "active", was: { status: "trialing" } },
      { type: "updated", status: "past_due", was: { status: "active" } },
      { status: "past_due", cancelAtPeriodEnd: false, pastDue: true },
    ],
    [
      "paused, then resumed (the state rank alone keeps the pause)",
      "active",
      { type: "paused", status: "paused", was: { status: "active" } },
      { type: "resumed", status: "active", was: { status: "paused" } },
      { status: "active", cancelAtPeriodEnd: false, pastDue: false },
    ],
    [
      "recovered from past_due, then set to cancel at period end (same status)",
      "past_due",
      { type: "updated", status: "active", was: { status: "past_due" } },
      { type: "updated", status: "active", cancel: true, was: { cancel_at_period_end: false } },
      { status: "active", cancelAtPeriodEnd: true, pastDue: false },
    ],
  ];

  describe.each(PAIRS)("a subscription's same-second pair: %s", (_name, start, first, second, expected) => {
    it.each([
      ["in order", false],
      ["reversed", true],
    ] as const)("delivered %s: the row holds the later snapshot", async (_o, reversed) => {
      const t = await cardTenant();
      const sub = (status: Status, cancel = false) =>
        subscription({
          id: `sub_same_${t.r}`,
          customer: t.customerId,
          status,
          priceId: "price_pro",
          ...PERIOD,
          cancel_at_period_end: cancel,
        });
      await deliver([event("customer.subscription.created", sub(start), T0 - 100)]);
      const [a, b] = withIds(
        [first, second].map((step) =>
          event(`customer.subscription.${step.type}`, sub(step.status, step.cancel), T0, {
            previous_attributes: step.was,
          }),
        ),
        `sub${t.r}`,
        true,
      );
      await deliver(reversed ? [b!, a!] : [a!, b!]);
      const row = await s.db.prisma.subscription.findUniqueOrThrow({
        where: { stripeSubscriptionId: `sub_same_${t.r}` },
      });
      expect(row).toMatchObject({
        status: expected.status,
        cancelAtPeriodEnd: expected.cancelAtPeriodEnd,
        pastDueSince: expected.pastDue ? sec(T0) : null,
        stripeEventCreatedAt: sec(T0),
        stripeEventId: b!.id,
      });
    });
  });
});
