// POST /api/stripe/webhook over real HTTP against real PostgreSQL: what it refuses (signatures,
// bodies) or ignores changes nothing; a failing handler answers 500 and its redelivery applies once.
import { beforeAll, describe, expect, it } from "vitest";

import { stripeWebhooks } from "@/lib/billing/stripe-client";
import {
  checkoutSession,
  customer,
  event,
  invoice,
  otherEvent,
  postEvent,
  subscription,
  TEST_WEBHOOK_SECRET,
} from "@/test/stripe/events";
import { PERIOD, T0, webhookTestServer } from "@/test/stripe/webhook-harness";
import { ROTATED_WEBHOOK_SECRET } from "@/test/stripe/webhook-server";

const { s, tenant, send, stored, audits } = webhookTestServer("stripe_webhook_refusals");

describe("POST /api/stripe/webhook: what is refused or ignored", () => {
  // Every refused delivery is about a customer a real tenant owns, so a refusal that applied
  // anything anyway would show: a subscription row, a plan change, an audit or ledger row, an event row.
  let owner: { tenantId: string; customerId: string };
  beforeAll(async () => {
    owner = await tenant("cus_refusal_owner");
  });
  const body = () =>
    event(
      "customer.subscription.created",
      subscription({
        id: "sub_never",
        customer: owner.customerId,
        status: "active",
        priceId: "price_pro",
        ...PERIOD,
      }),
      T0,
    );
  const now = () => Math.floor(Date.now() / 1000);
  const snapshot = async () => {
    const p = s.db.prisma;
    const [tenantRow, subscriptions, invoices, cards, ledger, auditRows, events, balance] = await Promise.all(
      [
        p.tenant.findUniqueOrThrow({
          where: { id: owner.tenantId },
          select: { planId: true, stripeCustomerId: true, flaggedForReview: true, updatedAt: true },
        }),
        p.subscription.count(),
        p.invoice.count(),
        p.paymentMethod.count(),
        p.creditLedgerEntry.count(),
        p.auditLog.count(),
        p.stripeEvent.count(),
        p.creditBalance.findUniqueOrThrow({
          where: { tenantId: owner.tenantId },
          select: { available: true },
        }),
      ],
    );
    return { tenantRow, subscriptions, invoices, cards, ledger, auditRows, events, balance };
  };

  it.each([
    ["no signature", (p: string) => ({ header: null as string | null, payload: p })],
    ["a malformed signature", (p: string) => ({ header: "t=1,v1=abc", payload: p })],
    [
      "the wrong secret",
      (p: string) => ({
        header: stripeWebhooks.generateTestHeaderString({ payload: p, secret: "whsec_wrong" }),
        payload: p,
      }),
    ],
    [
      "a stale timestamp (400 s old)",
      (p: string) => ({
        header: stripeWebhooks.generateTestHeaderString({
          payload: p,
          secret: TEST_WEBHOOK_SECRET,
          timestamp: now() - 400,
        }),
        payload: p,
      }),
    ],
    [
      "a tampered body",
      (p: string) => ({
        header: stripeWebhooks.generateTestHeaderString({ payload: p, secret: TEST_WEBHOOK_SECRET }),
        payload: p.replace("price_pro", "price_team"),
      }),
    ],
  ])("answers 400 invalid_signature for %s and applies nothing", async (_name, make) => {
    const e = body();
    const { header, payload } = make(JSON.stringify(e));
    const before = await snapshot();
    const res = await postEvent(s.url, payload, { header });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ code: "invalid_signature", status: 400 });
    expect(await snapshot()).toEqual(before);
    expect(await s.db.prisma.stripeEvent.findUnique({ where: { id: e.id } })).toBeNull();
    expect(
      await s.db.prisma.subscription.findUnique({ where: { stripeSubscriptionId: "sub_never" } }),
    ).toBeNull();
  });

  it("the same event correctly signed is applied (so the refusals above were refusals, not a broken fixture)", async () => {
    const e = body();
    expect((await send(e)).body).toMatchObject({ outcome: "processed", tenantId: owner.tenantId });
    expect(
      await s.db.prisma.subscription.findUniqueOrThrow({ where: { stripeSubscriptionId: "sub_never" } }),
    ).toMatchObject({ tenantId: owner.tenantId });
    await s.db.prisma.subscription.delete({ where: { stripeSubscriptionId: "sub_never" } });
  });

  it("accepts the previous secret during a rotation (comma-separated STRIPE_WEBHOOK_SECRET)", async () => {
    const { tenantId, customerId } = await tenant();
    const e = event("customer.updated", customer({ id: customerId }), T0);
    const res = await postEvent(s.url, e, { secret: ROTATED_WEBHOOK_SECRET });
    expect(res.status).toBe(200);
    expect(await stored(e.id)).toMatchObject({ status: "PROCESSED", tenantId });
  });

  it("answers 413 for a body over 1 MB without reading it as an event", async () => {
    const res = await postEvent(s.url, JSON.stringify({ pad: "x".repeat(1024 * 1024) }));
    expect([res.status, (await res.json()).code]).toEqual([413, "payload_too_large"]);
  });

  it("answers 400 for a correctly signed body that is not JSON, or not an event, and applies nothing", async () => {
    const before = await snapshot();
    const bad = await postEvent(s.url, "{not json");
    expect([bad.status, (await bad.json()).code]).toEqual([400, "bad_json"]);
    const notEvent = await postEvent(s.url, { hello: "world" });
    expect([notEvent.status, (await notEvent.json()).code]).toEqual([400, "validation_failed"]);
    const truncated = await postEvent(s.url, JSON.stringify(body()).slice(0, -2));
    expect([truncated.status, (await truncated.json()).code]).toEqual([400, "bad_json"]);
    expect(await snapshot()).toEqual(before);
  });

  it("records an unhandled type as IGNORED with 200 (one row, nothing else), and a repeat as a duplicate", async () => {
    const e = otherEvent("balance.available", T0);
    expect(await send(e)).toEqual({
      status: 200,
      body: { received: true, outcome: "ignored", tenantId: null },
    });
    expect(await stored(e.id)).toMatchObject({ status: "IGNORED", type: "balance.available", attempts: 1 });
    expect((await send(e)).body).toEqual({ received: true, outcome: "duplicate", status: "IGNORED" });
    // An unhandled type about the owner's customer: one IGNORED row, not linked to the tenant, and no other write.
    const before = await snapshot();
    const upcoming = {
      ...otherEvent("invoice.upcoming", T0),
      data: {
        object: {
          ...invoice({
            id: "in_upcoming",
            customer: owner.customerId,
            subscription: null,
            status: "draft",
            amountDue: 4900,
          }),
          id: "in_upcoming",
        },
      },
    };
    expect(await send(upcoming)).toEqual({
      status: 200,
      body: { received: true, outcome: "ignored", tenantId: null },
    });
    expect(await stored(upcoming.id)).toMatchObject({
      status: "IGNORED",
      tenantId: null,
      stripeCustomerId: owner.customerId,
      attempts: 1,
    });
    expect(await snapshot()).toEqual({ ...before, events: before.events + 1 });
    expect(await s.db.prisma.invoice.findUnique({ where: { stripeInvoiceId: "in_upcoming" } })).toBeNull();
  });

  it("a handler that fails answers 500 and records FAILED with the error; the redelivery applies it once", async () => {
    const { tenantId, customerId } = await tenant();
    // A real failure inside the transaction: the first write to this subscription raises, once.
    await s.db.prisma.$executeRawUnsafe(`CREATE SEQUENCE fail_once_seq`);
    await s.db.prisma.$executeRawUnsafe(
      `CREATE FUNCTION fail_once() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."stripeSubscriptionId" = 'sub_fail' AND nextval('fail_once_seq') = 1 THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`,
    );
    await s.db.prisma.$executeRawUnsafe(
      `CREATE TRIGGER fail_once BEFORE INSERT ON "Subscription" FOR EACH ROW EXECUTE FUNCTION fail_once()`,
    );
    const e = event(
      "customer.subscription.created",
      subscription({
        id: "sub_fail",
        customer: customerId,
        status: "active",
        priceId: "price_pro",
        ...PERIOD,
      }),
      T0,
    );
    const first = await postEvent(s.url, e);
    expect(first.status).toBe(500);
    expect(await first.json()).toMatchObject({ code: "webhook_failed" });
    expect(await stored(e.id)).toMatchObject({
      status: "FAILED",
      attempts: 1,
      error: expect.stringContaining("injected failure"),
      tenantId: null,
    });
    expect(await s.db.prisma.subscription.count({ where: { stripeSubscriptionId: "sub_fail" } })).toBe(0);
    expect(await s.db.prisma.auditLog.count({ where: { causeId: e.id } })).toBe(0);

    const again = await Promise.all([send(e), send(e)]);
    expect(again.map((a) => a.status)).toEqual([200, 200]);
    expect(again.map((a) => a.body.outcome).sort()).toEqual(["duplicate", "processed"]);
    expect(await stored(e.id)).toMatchObject({ status: "PROCESSED", attempts: 2, error: null, tenantId });
    expect(await s.db.prisma.subscription.count({ where: { stripeSubscriptionId: "sub_fail" } })).toBe(1);
    expect(
      await s.db.prisma.auditLog.count({ where: { causeId: e.id, action: "subscription.create" } }),
    ).toBe(1);
  });

  it("a top-up checkout that is the customer's first event links the customer and grants the credits", async () => {
    const { tenantId } = await tenant(null);
    const e = event(
      "checkout.session.completed",
      checkoutSession({
        id: "cs_first",
        customer: "cus_first_topup",
        tenantId,
        amountCents: 1000,
        paymentIntent: "pi_first",
      }),
      T0,
    );
    expect(await send(e)).toEqual({ status: 200, body: { received: true, outcome: "processed", tenantId } });
    expect(await s.db.prisma.tenant.findUniqueOrThrow({ where: { id: tenantId } })).toMatchObject({
      stripeCustomerId: "cus_first_topup",
    });
    expect(await s.db.prisma.creditBalance.findUniqueOrThrow({ where: { tenantId } })).toMatchObject({
      available: 10_000_000n,
    });
    expect((await audits(e.id)).map((a) => a.action)).toEqual([
      "tenant.stripe_link",
      "billing.checkout_completed",
      "billing.topup",
    ]);
  });

  it("a handler that fails after the customer was linked keeps the (true) link; the redelivery applies the event once", async () => {
    const { tenantId } = await tenant(null);
    const customerId = "cus_link_fails";
    // The handler's first audit row for this checkout raises, once: the link, made from the event's signed metadata, committed before it.
    await s.db.prisma.$executeRawUnsafe(`CREATE SEQUENCE link_fail_seq`);
    await s.db.prisma.$executeRawUnsafe(
      `CREATE FUNCTION link_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.action = 'billing.checkout_completed' AND NEW."targetId" = 'cs_link_fails' AND nextval('link_fail_seq') = 1 THEN RAISE EXCEPTION 'injected failure after link'; END IF; RETURN NEW; END $$`,
    );
    await s.db.prisma.$executeRawUnsafe(
      `CREATE TRIGGER link_fail BEFORE INSERT ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION link_fail()`,
    );
    const e = event(
      "checkout.session.completed",
      checkoutSession({
        id: "cs_link_fails",
        customer: customerId,
        tenantId,
        amountCents: 9900,
        paymentIntent: "pi_unused",
        mode: "subscription",
        subscription: "sub_link_fails",
        payment_intent: null,
        metadata: { tenantId },
      }),
      T0,
    );
    expect((await postEvent(s.url, e)).status).toBe(500);
    expect(await s.db.prisma.tenant.findUniqueOrThrow({ where: { id: tenantId } })).toMatchObject({
      stripeCustomerId: customerId,
    });
    expect(await stored(e.id)).toMatchObject({
      status: "FAILED",
      attempts: 1,
      tenantId: null,
      error: expect.stringContaining("injected failure after link"),
    });
    expect((await audits(e.id)).map((a) => a.action)).toEqual(["tenant.stripe_link"]);

    const again = await Promise.all([send(e), send(e)]);
    expect(again.map((a) => a.body.outcome).sort()).toEqual(["duplicate", "processed"]);
    expect(await s.db.prisma.tenant.findUniqueOrThrow({ where: { id: tenantId } })).toMatchObject({
      stripeCustomerId: customerId,
    });
    expect((await audits(e.id)).map((a) => [a.action, a.actorKind])).toEqual([
      ["tenant.stripe_link", "STRIPE"],
      ["billing.checkout_completed", "STRIPE"],
    ]);
    expect(await stored(e.id)).toMatchObject({ status: "PROCESSED", attempts: 2, tenantId, error: null });
  });
});
