// The mirror converges: a realistic life of one customer (signup → trial → active → payment
// failed → past due → recovered → top-up → partial refund → canceled), every event delivered 3×,
// concurrently, in a shuffled order, ends in exactly the state that delivering them once in order
// produces — for 20 different shuffles. Some events share a `created` second, as Stripe sends them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTenantWithKey } from "@/test/fixtures";
import {
  card,
  charge,
  checkoutSession,
  customer,
  event,
  invoice,
  postEvent,
  subscription,
  type TestEvent,
} from "@/test/stripe/events";
import { startWebhookServer, type WebhookServer } from "@/test/stripe/webhook-server";

let s: WebhookServer;
const T0 = 1_780_000_000;
const PERIOD = { periodStart: T0, periodEnd: T0 + 30 * 86_400 };

beforeAll(async () => {
  s = await startWebhookServer("stripe_convergence");
  await s.db.prisma.plan.create({
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
});
afterAll(async () => {
  await s?.close();
});

/** The sequence for run `r` (its own customer and object ids, same clock). */
function life(r: string, tenantId: string): TestEvent[] {
  const cus = `cus_${r}`,
    sub = `sub_${r}`,
    inv = `in_${r}`,
    pm = `pm_${r}`,
    pi = `pi_${r}`;
  const subAt = (status: "trialing" | "active" | "past_due" | "canceled", extra = {}) =>
    subscription({
      id: sub,
      customer: cus,
      status,
      priceId: "price_pro",
      ...PERIOD,
      trial_end: T0 + 600,
      ...extra,
    });
  const invAt = (status: "open" | "paid", at: number) =>
    invoice({
      id: inv,
      customer: cus,
      subscription: sub,
      status,
      amountDue: 4900,
      number: "TG-0001",
      status_transitions: { paid_at: status === "paid" ? at : null },
    });
  // The Checkout set-up's three events share one second, as Stripe sends them, and so do the
  // subscription's past_due and cancel_at_period_end updates: previous_attributes as Stripe sends
  // them, and event ids against time order there (Stripe's ids are not ordered in time).
  const timeline = [
    event("customer.created", customer({ id: cus, metadata: { tenantId } }), T0),
    event("payment_method.attached", card({ id: pm, customer: cus, expMonth: 1, expYear: 2027 }), T0),
    event(
      "customer.updated",
      customer({ id: cus, metadata: { tenantId }, invoice_settings: { default_payment_method: pm } }),
      T0,
      { previous_attributes: { invoice_settings: { default_payment_method: null } } },
    ),
    event("customer.subscription.created", subAt("trialing"), T0 + 3),
    event("customer.subscription.trial_will_end", subAt("trialing"), T0 + 4),
    event("customer.subscription.updated", subAt("active"), T0 + 600),
    event("invoice.finalized", invAt("open", 0), T0 + 601),
    event("invoice.payment_failed", invAt("open", 0), T0 + 602),
    event("customer.subscription.updated", subAt("past_due"), T0 + 603, {
      previous_attributes: { status: "active" },
    }),
    event("customer.subscription.updated", subAt("past_due", { cancel_at_period_end: true }), T0 + 603, {
      previous_attributes: { cancel_at_period_end: false },
    }),
    event(
      "payment_method.automatically_updated",
      card({ id: pm, customer: cus, last4: "1881", expMonth: 1, expYear: 2031 }),
      T0 + 800,
    ),
    event("invoice.paid", invAt("paid", T0 + 900), T0 + 900),
    event("customer.subscription.updated", subAt("active"), T0 + 901),
    event(
      "checkout.session.completed",
      checkoutSession({ id: `cs_${r}`, customer: cus, tenantId, amountCents: 5000, paymentIntent: pi }),
      T0 + 1000,
    ),
    event(
      "charge.refunded",
      charge({
        id: `ch_${r}`,
        customer: cus,
        tenantId,
        amountCents: 5000,
        refundedCents: 2000,
        paymentIntent: pi,
      }),
      T0 + 1100,
    ),
    event("customer.subscription.updated", subAt("active", { cancel_at_period_end: true }), T0 + 1200),
    event("customer.subscription.deleted", subAt("canceled", { canceled_at: T0 + 1300 }), T0 + 1300),
  ];
  // Ids fixed per run (so rows naming their event compare across runs); reversed within a shared second.
  const AGAINST_TIME: Record<number, number> = { 0: 2, 2: 0, 8: 9, 9: 8 };
  return timeline.map((e, i) => ({ ...e, id: `evt_${r}_${String(AGAINST_TIME[i] ?? i).padStart(2, "0")}` }));
}

/** Everything the mirror holds for a tenant, with the run's ids replaced so runs compare. */
async function mirrorState(tenantId: string, r: string) {
  const p = s.db.prisma;
  const strip = <T extends Record<string, unknown>>(row: T, drop: string[]) =>
    Object.fromEntries(Object.entries(row).filter(([k]) => !drop.includes(k)));
  const state = {
    tenant: await p.tenant.findUniqueOrThrow({
      where: { id: tenantId },
      select: { stripeCustomerId: true, planId: true, flaggedForReview: true, flagReason: true },
    }),
    subscriptions: (await p.subscription.findMany({ where: { tenantId } })).map((x) =>
      strip(x, ["id", "tenantId", "createdAt", "updatedAt"]),
    ),
    invoices: (await p.invoice.findMany({ where: { tenantId } })).map((x) =>
      strip(x, ["id", "tenantId", "createdAt", "updatedAt"]),
    ),
    cards: (await p.paymentMethod.findMany({ where: { tenantId } })).map((x) =>
      strip(x, ["id", "tenantId", "createdAt", "updatedAt"]),
    ),
    balance: await p.creditBalance.findUniqueOrThrow({
      where: { tenantId },
      select: { available: true, reserved: true },
    }),
    ledger: await p.creditLedgerEntry.findMany({
      where: { tenantId },
      orderBy: { id: "asc" },
      select: { kind: true, amount: true, balanceAfter: true, idempotencyKey: true, reason: true },
    }),
    events: (
      await p.stripeEvent.findMany({
        where: { stripeCustomerId: `cus_${r}` },
        orderBy: [{ created: "asc" }, { type: "asc" }],
        select: { type: true, status: true, tenantId: true },
      })
    ).map((e) => ({ ...e, tenantId: e.tenantId === tenantId })),
  };
  return JSON.parse(
    JSON.stringify(state, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v)).replaceAll(
      `_${r}`,
      "_RUN",
    ),
  );
}

/** Seeded shuffle (mulberry32), so a failing shuffle can be re-run. */
function shuffled<T>(items: T[], seed: number): T[] {
  let a = seed;
  const rand = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function newTenant(r: string) {
  const { tenant } = await createTenantWithKey(s.db.prisma, {
    slug: `conv-${r}`,
    available: 0n,
    planKey: "free",
  });
  return tenant.id;
}

describe("Stripe mirror convergence", () => {
  it("the whole life: 20 shuffles of 3 concurrent deliveries per event end in the in-order state", async () => {
    const expected = await converges("full", life("x", "x").length);
    // The reference itself is the story told: canceled, recovered before, top-up less refund.
    expect(expected.subscriptions).toEqual([
      expect.objectContaining({
        status: "canceled",
        pastDueSince: null,
        cancelAtPeriodEnd: false,
        stripeSubscriptionId: "sub_RUN",
      }),
    ]);
    expect(expected.invoices).toEqual([expect.objectContaining({ status: "paid", amountPaid: "4900n" })]);
    expect(expected.cards).toEqual([
      expect.objectContaining({ last4: "1881", expYear: 2031, isDefault: true, detachedAt: null }),
    ]);
    expect(expected.balance).toEqual({ available: "30000000n", reserved: "0n" });
  }, 300_000);

  it("stopped while past due: pastDueSince is the first past_due event's time in every order", async () => {
    const expected = await converges("pd", 11);
    expect(expected.subscriptions).toEqual([
      expect.objectContaining({
        status: "past_due",
        pastDueSince: new Date((T0 + 603) * 1000).toISOString(),
        cancelAtPeriodEnd: true,
      }),
    ]);
    expect(expected.invoices).toEqual([
      expect.objectContaining({ status: "open", amountRemaining: "4900n" }),
    ]);
  }, 300_000);
});

/** Delivers the first `count` events in order once (the reference), then 20 shuffled 3× concurrent runs; returns the reference state. */
async function converges(label: string, count: number) {
  const refTenant = await newTenant(`${label}ref`);
  for (const e of life(`${label}ref`, refTenant).slice(0, count))
    expect((await postEvent(s.url, e)).status).toBe(200);
  const expected = await mirrorState(refTenant, `${label}ref`);
  expect(expected.events).toHaveLength(count);
  expect(
    expected.events.every(
      (e: { status: string; tenantId: boolean }) => e.status === "PROCESSED" && e.tenantId,
    ),
  ).toBe(true);
  for (let run = 1; run <= 20; run++) {
    const r = `${label}${run}`;
    const tenantId = await newTenant(r);
    const deliveries = shuffled(
      life(r, tenantId)
        .slice(0, count)
        .flatMap((e) => [e, e, e]),
      run,
    );
    const statuses = await Promise.all(deliveries.map((e) => postEvent(s.url, e).then((res) => res.status)));
    expect(
      statuses.filter((st) => st !== 200),
      `shuffle ${run}`,
    ).toEqual([]);
    expect(await mirrorState(tenantId, r), `shuffle ${run}`).toEqual(expected);
  }
  return expected;
}
