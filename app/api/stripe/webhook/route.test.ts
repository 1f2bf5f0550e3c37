// POST /api/stripe/webhook over real HTTP against real PostgreSQL: every handled type's mirror
// rows field by field, the out-of-order guard, top-ups, refunds and disputes, unmatched customers
// replayed when linked. What is refused or ignored, and failure and retry: route-refusals.test.ts.
import { describe, expect, it } from "vitest";

import {
  card,
  charge,
  checkoutSession,
  customer,
  dispute,
  event,
  invoice,
  subscription,
} from "@/test/stripe/events";
import { PERIOD, sec, T0, webhookTestServer } from "@/test/stripe/webhook-harness";

const { s, tenant, send, stored, audits } = webhookTestServer("stripe_webhook");

describe("POST /api/stripe/webhook: each handled type", () => {
  it("customer.subscription.created mirrors the subscription field by field, moves the tenant to the price's plan, audits with the event id", async () => {
    const { tenantId, customerId } = await tenant();
    const e = event(
      "customer.subscription.created",
      subscription({
        id: "sub_created",
        customer: customerId,
        status: "trialing",
        priceId: "price_pro",
        ...PERIOD,
        trial_end: PERIOD.periodEnd,
      }),
      T0,
    );
    expect(await send(e)).toEqual({ status: 200, body: { received: true, outcome: "processed", tenantId } });
    const row = await s.db.prisma.subscription.findUniqueOrThrow({
      where: { stripeSubscriptionId: "sub_created" },
      include: { plan: true },
    });
    expect(row).toMatchObject({
      tenantId,
      mode: "STRIPE",
      status: "trialing",
      stripePriceId: "price_pro",
      currentPeriodStart: sec(PERIOD.periodStart),
      currentPeriodEnd: sec(PERIOD.periodEnd),
      cancelAtPeriodEnd: false,
      canceledAt: null,
      trialEnd: sec(PERIOD.periodEnd),
      pastDueSince: null,
      stripeEventCreatedAt: sec(T0),
    });
    expect(row.plan?.key).toBe("pro");
    expect(
      (await s.db.prisma.tenant.findUniqueOrThrow({ where: { id: tenantId }, include: { plan: true } })).plan
        .key,
    ).toBe("pro");
    expect(await stored(e.id)).toMatchObject({
      status: "PROCESSED",
      attempts: 1,
      error: null,
      tenantId,
      stripeCustomerId: customerId,
      type: e.type,
      created: sec(T0),
    });
    expect((await audits(e.id)).map((a) => [a.action, a.actorKind, a.tenantId])).toEqual([
      ["subscription.create", "STRIPE", tenantId],
      ["tenant.plan_change", "STRIPE", tenantId],
    ]);
  });

  it("customer.subscription.updated/paused/resumed/trial_will_end/deleted: newest snapshot wins, past_due sets pastDueSince once, recovery clears it, deleted is final", async () => {
    const { customerId } = await tenant();
    const sub = (status: "active" | "past_due" | "paused" | "canceled" | "trialing", extra = {}) =>
      subscription({
        id: "sub_life",
        customer: customerId,
        status,
        priceId: "price_team",
        ...PERIOD,
        ...extra,
      });
    const row = () =>
      s.db.prisma.subscription.findUniqueOrThrow({ where: { stripeSubscriptionId: "sub_life" } });
    await send(event("customer.subscription.created", sub("active"), T0));
    await send(event("customer.subscription.updated", sub("past_due"), T0 + 10));
    expect(await row()).toMatchObject({ status: "past_due", pastDueSince: sec(T0 + 10) });
    await send(
      event("customer.subscription.updated", sub("past_due", { cancel_at_period_end: true }), T0 + 20),
    );
    expect(await row()).toMatchObject({
      status: "past_due",
      pastDueSince: sec(T0 + 10),
      cancelAtPeriodEnd: true,
      stripeEventCreatedAt: sec(T0 + 20),
    });
    await send(event("customer.subscription.trial_will_end", sub("active"), T0 + 30));
    expect(await row()).toMatchObject({ status: "active", pastDueSince: null, cancelAtPeriodEnd: false });
    await send(event("customer.subscription.paused", sub("paused"), T0 + 40));
    expect((await row()).status).toBe("paused");
    await send(event("customer.subscription.resumed", sub("active"), T0 + 50));
    expect((await row()).status).toBe("active");
    // A stale snapshot changes nothing.
    await send(event("customer.subscription.updated", sub("trialing"), T0 + 45));
    expect(await row()).toMatchObject({ status: "active", stripeEventCreatedAt: sec(T0 + 50) });
    await send(event("customer.subscription.deleted", sub("canceled", { canceled_at: T0 + 60 }), T0 + 60));
    expect(await row()).toMatchObject({ status: "canceled", canceledAt: sec(T0 + 60) });
    // Never resurrected, even by a later-looking update.
    await send(event("customer.subscription.updated", sub("active"), T0 + 70));
    expect(await row()).toMatchObject({ status: "canceled", stripeEventCreatedAt: sec(T0 + 60) });
  });

  it("customer.subscription.paused/resumed/updated (price change, unknown price)/deleted: every mirrored field, the tenant's plan, the event row and audits per event", async () => {
    const { tenantId, customerId } = await tenant();
    const planIds = Object.fromEntries(
      (await s.db.prisma.plan.findMany({ select: { key: true, id: true } })).map((p) => [p.key, p.id]),
    );
    const NEXT = { periodStart: PERIOD.periodEnd, periodEnd: PERIOD.periodEnd + 30 * 86_400 };
    const sub = (
      status: "active" | "paused" | "canceled",
      priceId: string,
      extra: Partial<Parameters<typeof subscription>[0]> = {},
    ) => subscription({ id: "sub_fields", customer: customerId, status, priceId, ...PERIOD, ...extra });
    const fields = (o: {
      status: string;
      priceId: string;
      plan: string | null;
      period?: typeof PERIOD;
      canceledAt?: number;
      cancelAtPeriodEnd?: boolean;
    }) => ({
      tenantId,
      mode: "STRIPE",
      status: o.status,
      stripePriceId: o.priceId,
      planId: o.plan ? planIds[o.plan] : null,
      currentPeriodStart: sec((o.period ?? PERIOD).periodStart),
      currentPeriodEnd: sec((o.period ?? PERIOD).periodEnd),
      cancelAtPeriodEnd: o.cancelAtPeriodEnd ?? false,
      canceledAt: o.canceledAt ? sec(o.canceledAt) : null,
      trialEnd: null,
      pastDueSince: null,
    });
    const steps = [
      {
        type: "customer.subscription.created",
        object: sub("active", "price_pro"),
        at: T0,
        row: fields({ status: "active", priceId: "price_pro", plan: "pro" }),
        tenantPlan: "pro",
        audits: ["subscription.create", "tenant.plan_change"],
      },
      {
        type: "customer.subscription.paused",
        object: sub("paused", "price_pro"),
        at: T0 + 10,
        row: fields({ status: "paused", priceId: "price_pro", plan: "pro" }),
        tenantPlan: "pro",
        audits: ["subscription.update"],
      },
      {
        type: "customer.subscription.resumed",
        object: sub("active", "price_pro", NEXT),
        at: T0 + 20,
        row: fields({ status: "active", priceId: "price_pro", plan: "pro", period: NEXT }),
        tenantPlan: "pro",
        audits: ["subscription.update"],
      },
      {
        type: "customer.subscription.updated",
        object: sub("active", "price_team", { ...NEXT, cancel_at_period_end: true }),
        at: T0 + 30,
        row: fields({
          status: "active",
          priceId: "price_team",
          plan: "team",
          period: NEXT,
          cancelAtPeriodEnd: true,
        }),
        tenantPlan: "team",
        audits: ["subscription.update", "tenant.plan_change"],
      },
      // A price no plan carries: the row records it without a plan, and the tenant keeps the plan it has.
      {
        type: "customer.subscription.updated",
        object: sub("active", "price_unknown", NEXT),
        at: T0 + 40,
        row: fields({ status: "active", priceId: "price_unknown", plan: null, period: NEXT }),
        tenantPlan: "team",
        audits: ["subscription.update"],
      },
      {
        type: "customer.subscription.deleted",
        object: sub("canceled", "price_pro", { ...NEXT, canceled_at: T0 + 50 }),
        at: T0 + 50,
        row: fields({
          status: "canceled",
          priceId: "price_pro",
          plan: "pro",
          period: NEXT,
          canceledAt: T0 + 50,
        }),
        tenantPlan: "pro",
        audits: ["subscription.update", "tenant.plan_change"],
      },
    ] as const;
    for (const step of steps) {
      const e = event(step.type, step.object, step.at);
      expect(await send(e), step.type).toEqual({
        status: 200,
        body: { received: true, outcome: "processed", tenantId },
      });
      expect(
        await s.db.prisma.subscription.findUniqueOrThrow({ where: { stripeSubscriptionId: "sub_fields" } }),
        `${step.type} at ${step.at}`,
      ).toMatchObject({ ...step.row, stripeEventCreatedAt: sec(step.at) });
      expect(
        (await s.db.prisma.tenant.findUniqueOrThrow({ where: { id: tenantId }, include: { plan: true } }))
          .plan.key,
        step.type,
      ).toBe(step.tenantPlan);
      expect(await stored(e.id)).toMatchObject({
        status: "PROCESSED",
        attempts: 1,
        error: null,
        tenantId,
        stripeCustomerId: customerId,
        type: step.type,
        created: sec(step.at),
      });
      expect(
        (await audits(e.id)).map((a) => [a.action, a.actorKind, a.tenantId]),
        step.type,
      ).toEqual(step.audits.map((a) => [a, "STRIPE", tenantId]));
    }
    expect(await s.db.prisma.subscription.count({ where: { tenantId } })).toBe(1);
  });

  it("invoice.finalized/payment_failed/payment_action_required/paid/marked_uncollectible/voided mirror the invoice; paid recovers an overdue subscription", async () => {
    const { tenantId, customerId } = await tenant();
    await send(
      event(
        "customer.subscription.created",
        subscription({
          id: "sub_inv",
          customer: customerId,
          status: "past_due",
          priceId: "price_pro",
          ...PERIOD,
        }),
        T0,
      ),
    );
    const inv = (status: "open" | "paid" | "uncollectible" | "void", extra = {}) =>
      invoice({
        id: "in_1",
        customer: customerId,
        subscription: "sub_inv",
        status,
        amountDue: 4900,
        due_date: T0 + 86_400,
        ...extra,
      });
    const row = () => s.db.prisma.invoice.findUniqueOrThrow({ where: { stripeInvoiceId: "in_1" } });
    await send(event("invoice.finalized", inv("open"), T0 + 1));
    expect(await row()).toMatchObject({
      tenantId,
      stripeSubscriptionId: "sub_inv",
      number: "TG-IN_1",
      status: "open",
      amountDue: 4900n,
      amountPaid: 0n,
      amountRemaining: 4900n,
      currency: "usd",
      hostedInvoiceUrl: "https://invoice.stripe.com/i/in_1",
      periodStart: sec(1_767_225_600),
      periodEnd: sec(1_769_904_000),
      dueDate: sec(T0 + 86_400),
      paidAt: null,
      stripeEventCreatedAt: sec(T0 + 1),
    });
    // Every field after each of these: a field a handler forgot to write would keep the previous value.
    const mirrored = (o: {
      status: string;
      at: number;
      amountRemaining: bigint;
      hostedInvoiceUrl: string | null;
      dueDate: number;
    }) => ({
      tenantId,
      stripeSubscriptionId: "sub_inv",
      number: "TG-IN_1",
      status: o.status,
      amountDue: 4900n,
      amountPaid: 0n,
      amountRemaining: o.amountRemaining,
      currency: "usd",
      hostedInvoiceUrl: o.hostedInvoiceUrl,
      periodStart: sec(1_767_225_600),
      periodEnd: sec(1_769_904_000),
      dueDate: sec(o.dueDate),
      paidAt: null,
      stripeEventCreatedAt: sec(o.at),
    });
    const steps = [
      {
        type: "invoice.payment_failed",
        object: inv("open", { amount_remaining: 4800, due_date: T0 + 2 * 86_400 }),
        at: T0 + 2,
        want: mirrored({
          status: "open",
          at: T0 + 2,
          amountRemaining: 4800n,
          hostedInvoiceUrl: "https://invoice.stripe.com/i/in_1",
          dueDate: T0 + 2 * 86_400,
        }),
      },
      {
        type: "invoice.payment_action_required",
        object: inv("open", {
          hosted_invoice_url: "https://invoice.stripe.com/i/in_1/3ds",
          due_date: T0 + 3 * 86_400,
        }),
        at: T0 + 3,
        want: mirrored({
          status: "open",
          at: T0 + 3,
          amountRemaining: 4900n,
          hostedInvoiceUrl: "https://invoice.stripe.com/i/in_1/3ds",
          dueDate: T0 + 3 * 86_400,
        }),
      },
      {
        type: "invoice.marked_uncollectible",
        object: inv("uncollectible", { hosted_invoice_url: null, due_date: T0 + 4 * 86_400 }),
        at: T0 + 4,
        want: mirrored({
          status: "uncollectible",
          at: T0 + 4,
          amountRemaining: 4900n,
          hostedInvoiceUrl: null,
          dueDate: T0 + 4 * 86_400,
        }),
      },
    ] as const;
    for (const step of steps) {
      const e = event(step.type, step.object, step.at);
      expect((await send(e)).body, step.type).toEqual({ received: true, outcome: "processed", tenantId });
      expect(await row(), step.type).toMatchObject(step.want);
      expect(await stored(e.id)).toMatchObject({
        status: "PROCESSED",
        attempts: 1,
        error: null,
        tenantId,
        stripeCustomerId: customerId,
        type: step.type,
      });
      expect(
        (await audits(e.id)).map((a) => [a.action, a.actorKind]),
        step.type,
      ).toEqual([["invoice.update", "STRIPE"]]);
    }
    const paid = event("invoice.paid", inv("paid", { status_transitions: { paid_at: T0 + 5 } }), T0 + 5);
    await send(paid);
    expect(await row()).toMatchObject({
      status: "paid",
      amountPaid: 4900n,
      amountRemaining: 0n,
      paidAt: sec(T0 + 5),
    });
    expect(
      await s.db.prisma.subscription.findUniqueOrThrow({ where: { stripeSubscriptionId: "sub_inv" } }),
    ).toMatchObject({ status: "active", pastDueSince: null });
    expect((await audits(paid.id)).map((a) => a.action)).toEqual(["invoice.update", "subscription.recover"]);
    // Paid is final: a late open snapshot and a void both leave it paid.
    await send(event("invoice.voided", inv("void"), T0 + 6));
    expect((await row()).status).toBe("paid");
    await send(
      event(
        "invoice.voided",
        invoice({ id: "in_2", customer: customerId, subscription: null, status: "void", amountDue: 100 }),
        T0 + 7,
      ),
    );
    expect(await s.db.prisma.invoice.findUniqueOrThrow({ where: { stripeInvoiceId: "in_2" } })).toMatchObject(
      { status: "void", amountRemaining: 0n, stripeSubscriptionId: null },
    );
  });

  it("payment_method.attached/updated/automatically_updated/detached and customer.updated's default card", async () => {
    const { tenantId, customerId } = await tenant();
    const row = (id: string) =>
      s.db.prisma.paymentMethod.findUniqueOrThrow({ where: { stripePaymentMethodId: id } });
    await send(
      event(
        "payment_method.attached",
        card({ id: "pm_a", customer: customerId, last4: "4242", expMonth: 1, expYear: 2027 }),
        T0,
      ),
    );
    expect(await row("pm_a")).toMatchObject({
      tenantId,
      brand: "visa",
      last4: "4242",
      expMonth: 1,
      expYear: 2027,
      isDefault: false,
      detachedAt: null,
      stripeEventCreatedAt: sec(T0),
    });
    await send(
      event(
        "customer.updated",
        customer({ id: customerId, invoice_settings: { default_payment_method: "pm_a" } }),
        T0 + 1,
      ),
    );
    expect((await row("pm_a")).isDefault).toBe(true);
    await send(
      event(
        "payment_method.updated",
        card({ id: "pm_a", customer: customerId, last4: "4242", expMonth: 3, expYear: 2028 }),
        T0 + 2,
      ),
    );
    expect(await row("pm_a")).toMatchObject({ expMonth: 3, expYear: 2028, isDefault: true });
    await send(
      event(
        "payment_method.automatically_updated",
        card({ id: "pm_a", customer: customerId, last4: "1881", expMonth: 4, expYear: 2031 }),
        T0 + 3,
      ),
    );
    expect(await row("pm_a")).toMatchObject({ last4: "1881", expMonth: 4, expYear: 2031 });
    await send(
      event(
        "payment_method.attached",
        card({ id: "pm_b", customer: customerId, brand: "mastercard", last4: "4444" }),
        T0 + 4,
      ),
    );
    await send(
      event(
        "customer.updated",
        customer({ id: customerId, invoice_settings: { default_payment_method: "pm_b" } }),
        T0 + 5,
      ),
    );
    expect([(await row("pm_a")).isDefault, (await row("pm_b")).isDefault]).toEqual([false, true]);
    // A detached card's payload names no customer: the tenant is found by the stored card (or previous_attributes).
    const detached = event(
      "payment_method.detached",
      card({ id: "pm_b", customer: null, brand: "mastercard", last4: "4444" }),
      T0 + 6,
      { previous_attributes: { customer: customerId } },
    );
    expect((await send(detached)).body).toMatchObject({ outcome: "processed", tenantId });
    expect(await row("pm_b")).toMatchObject({ detachedAt: sec(T0 + 6), isDefault: false });
    // An older attach never re-attaches it.
    await send(event("payment_method.attached", card({ id: "pm_b", customer: customerId }), T0 + 5));
    expect((await row("pm_b")).detachedAt).toEqual(sec(T0 + 6));
  });

  it("customer.created marks its default card; customer.updated moves the default; each audited as a sync with the event id", async () => {
    const { tenantId, customerId } = await tenant();
    const isDefault = async () =>
      Object.fromEntries(
        (
          await s.db.prisma.paymentMethod.findMany({
            where: { tenantId },
            orderBy: { stripePaymentMethodId: "asc" },
          })
        ).map((c) => [c.stripePaymentMethodId, c.isDefault]),
      );
    await send(event("payment_method.attached", card({ id: "pm_c1", customer: customerId }), T0));
    await send(
      event("payment_method.attached", card({ id: "pm_c2", customer: customerId, last4: "0005" }), T0 + 1),
    );
    expect(await isDefault()).toEqual({ pm_c1: false, pm_c2: false });
    const steps = [
      {
        type: "customer.created",
        defaultCard: "pm_c1",
        email: "first@example.com",
        at: T0 + 2,
        want: { pm_c1: true, pm_c2: false },
      },
      {
        type: "customer.updated",
        defaultCard: "pm_c2",
        email: "second@example.com",
        at: T0 + 3,
        want: { pm_c1: false, pm_c2: true },
      },
      {
        type: "customer.updated",
        defaultCard: null,
        email: "second@example.com",
        at: T0 + 4,
        want: { pm_c1: false, pm_c2: false },
      },
    ] as const;
    const stripeIdOf = Object.fromEntries(
      (await s.db.prisma.paymentMethod.findMany({ where: { tenantId } })).map((c) => [
        c.id,
        c.stripePaymentMethodId,
      ]),
    );
    const sorted = (rows: unknown[][]) =>
      [...rows].sort((a, b) => `${a[0]}:${a[2]}`.localeCompare(`${b[0]}:${b[2]}`));
    let previous: Record<string, boolean> = { pm_c1: false, pm_c2: false };
    for (const step of steps) {
      const e = event(
        step.type,
        customer({
          id: customerId,
          email: step.email,
          invoice_settings: { default_payment_method: step.defaultCard },
        }),
        step.at,
      );
      expect((await send(e)).body, `${step.type} → ${step.defaultCard}`).toEqual({
        received: true,
        outcome: "processed",
        tenantId,
      });
      expect(await isDefault(), `${step.type} → ${step.defaultCard}`).toEqual(step.want);
      expect(await stored(e.id)).toMatchObject({
        status: "PROCESSED",
        attempts: 1,
        tenantId,
        stripeCustomerId: customerId,
        type: step.type,
      });
      // One sync row, and one default-flag row per card whose flag this event changed.
      const flipped = Object.entries(step.want).filter(([id, v]) => previous[id] !== v);
      const rows = (await audits(e.id)).map((a) => [
        a.action,
        a.actorKind,
        a.targetType === "PaymentMethod" ? stripeIdOf[a.targetId ?? ""] : a.targetId,
        a.after,
      ]);
      expect(sorted(rows), `${step.type} → ${step.defaultCard}`).toEqual(
        sorted([
          ["stripe_customer.sync", "STRIPE", tenantId, { customerId, email: step.email }],
          ...flipped.map(([id, v]) => ["payment_method.default", "STRIPE", id, { isDefault: v }]),
        ]),
      );
      previous = step.want;
    }
  });

  it("customer.created links a customer by metadata.tenantId; customer.deleted detaches its cards", async () => {
    const { tenantId, customerId } = await tenant(null);
    const created = event("customer.created", customer({ id: customerId, metadata: { tenantId } }), T0);
    expect((await send(created)).body).toMatchObject({ outcome: "processed", tenantId });
    expect((await s.db.prisma.tenant.findUniqueOrThrow({ where: { id: tenantId } })).stripeCustomerId).toBe(
      customerId,
    );
    expect((await audits(created.id)).map((a) => a.action)).toEqual([
      "tenant.stripe_link",
      "stripe_customer.sync",
    ]);
    await send(event("payment_method.attached", card({ id: "pm_del", customer: customerId }), T0 + 1));
    await send(event("customer.deleted", customer({ id: customerId }), T0 + 2));
    expect(
      await s.db.prisma.paymentMethod.findUniqueOrThrow({ where: { stripePaymentMethodId: "pm_del" } }),
    ).toMatchObject({ detachedAt: sec(T0 + 2), isDefault: false });
    // A card attached before the deletion whose event arrives after it is gone too.
    await send(event("payment_method.attached", card({ id: "pm_late", customer: customerId }), T0 + 1));
    expect(
      await s.db.prisma.paymentMethod.findUniqueOrThrow({ where: { stripePaymentMethodId: "pm_late" } }),
    ).toMatchObject({ detachedAt: sec(T0 + 2), isDefault: false });
  });

  it("an administrator linking a customer applies its stored unmatched events", async () => {
    const { tenantId } = await tenant(null);
    const e = event("payment_method.attached", card({ id: "pm_admin", customer: "cus_admin_link" }), T0);
    expect((await send(e)).body).toMatchObject({ outcome: "unmatched" });
    const { linkCustomerAndReplay } = await import("@/lib/billing/admin-link");
    const { prisma } = await import("@/lib/db");
    const result = await linkCustomerAndReplay(
      prisma,
      { kind: "USER", id: "admin", ip: null },
      tenantId,
      "cus_admin_link",
    );
    expect(result).toEqual({ link: { outcome: "linked" }, replayed: [{ outcome: "processed", tenantId }] });
    expect(await stored(e.id)).toMatchObject({ status: "PROCESSED", tenantId, attempts: 2 });
    expect(
      (await s.db.prisma.paymentMethod.findUniqueOrThrow({ where: { stripePaymentMethodId: "pm_admin" } }))
        .tenantId,
    ).toBe(tenantId);
    expect(
      await s.db.prisma.auditLog.findFirst({ where: { action: "tenant.stripe_link", tenantId } }),
    ).toMatchObject({ actorKind: "USER", actorId: "admin" });
  });

  it("checkout.session.completed (payment) grants the top-up once, however often it is delivered; charge.refunded claws back the refunded part", async () => {
    const { tenantId, customerId } = await tenant();
    const session = checkoutSession({
      id: "cs_topup",
      customer: customerId,
      tenantId,
      amountCents: 2500,
      paymentIntent: "pi_topup",
    });
    const completed = event("checkout.session.completed", session, T0);
    const answers = await Promise.all(Array.from({ length: 5 }, () => send(completed)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.filter((a) => a.body.outcome === "processed")).toHaveLength(1);
    expect(answers.filter((a) => a.body.outcome === "duplicate")).toHaveLength(4);
    const balance = () =>
      s.db.prisma.creditBalance.findUniqueOrThrow({ where: { tenantId } }).then((b) => b.available);
    expect(await balance()).toBe(25_000_000n);
    expect(
      await s.db.prisma.creditLedgerEntry.findMany({
        where: { tenantId },
        select: { kind: true, amount: true, idempotencyKey: true, actorKind: true, actorId: true },
      }),
    ).toEqual([
      {
        kind: "GRANT",
        amount: 25_000_000n,
        idempotencyKey: "grant:stripe-topup:pi_topup",
        actorKind: "STRIPE",
        actorId: completed.id,
      },
    ]);
    expect(await stored(completed.id)).toMatchObject({ status: "PROCESSED", attempts: 1 });
    expect((await audits(completed.id)).map((a) => a.action)).toEqual([
      "billing.checkout_completed",
      "billing.topup",
    ]);

    const refund = event(
      "charge.refunded",
      charge({
        id: "ch_topup",
        customer: customerId,
        tenantId,
        amountCents: 2500,
        refundedCents: 1000,
        paymentIntent: "pi_topup",
      }),
      T0 + 1,
    );
    await send(refund);
    expect(await balance()).toBe(15_000_000n);
    await send(refund);
    expect(await balance()).toBe(15_000_000n);
    // The claw-back is one negative ledger row keyed by charge, refunded total and what was accounted before, by the refund event.
    const clawBacks = () =>
      s.db.prisma.creditLedgerEntry.findMany({
        where: { tenantId, idempotencyKey: { startsWith: "grant:stripe-refund:" } },
        orderBy: { id: "asc" },
        select: {
          kind: true,
          amount: true,
          balanceAfter: true,
          idempotencyKey: true,
          actorKind: true,
          actorId: true,
        },
      });
    expect(await clawBacks()).toEqual([
      {
        kind: "ADJUSTMENT",
        amount: -10_000_000n,
        balanceAfter: 15_000_000n,
        idempotencyKey: "grant:stripe-refund:ch_topup:10000000:0",
        actorKind: "STRIPE",
        actorId: refund.id,
      },
    ]);
    expect(
      (await audits(refund.id)).map((a) => [
        a.action,
        a.actorKind,
        a.tenantId,
        a.targetType,
        a.targetId,
        a.after,
      ]),
    ).toEqual([
      [
        "billing.refund_clawback",
        "STRIPE",
        tenantId,
        "Charge",
        "ch_topup",
        { taken: "10000000", refundedTotal: "10000000" },
      ],
    ]);
    expect(await stored(refund.id)).toMatchObject({
      status: "PROCESSED",
      attempts: 1,
      tenantId,
      stripeCustomerId: customerId,
    });
    // Spend most of it, then a full refund: only what is left is taken, the rest is a recorded shortfall.
    await s.db.prisma.creditBalance.update({ where: { tenantId }, data: { available: 4_000_000n } });
    const full = event(
      "charge.refunded",
      charge({
        id: "ch_topup",
        customer: customerId,
        tenantId,
        amountCents: 2500,
        refundedCents: 2500,
        paymentIntent: "pi_topup",
      }),
      T0 + 2,
    );
    await send(full);
    expect(await balance()).toBe(0n);
    const shortfall = (await audits(full.id)).find((a) => a.action === "billing.refund_shortfall");
    expect(shortfall?.after).toMatchObject({ shortfall: "11000000", refundedTotal: "25000000" });
    await send(full);
    expect(await balance()).toBe(0n);
  });

  it("checkout.session.completed (subscription) links the customer and applies its earlier unmatched events in created order", async () => {
    const { tenantId } = await tenant(null);
    const customerId = "cus_late_link";
    const early = [
      event(
        "customer.subscription.updated",
        subscription({
          id: "sub_late",
          customer: customerId,
          status: "active",
          priceId: "price_team",
          ...PERIOD,
        }),
        T0 + 2,
      ),
      event(
        "customer.subscription.created",
        subscription({
          id: "sub_late",
          customer: customerId,
          status: "incomplete",
          priceId: "price_team",
          ...PERIOD,
        }),
        T0 + 1,
      ),
    ];
    for (const e of early)
      expect((await send(e)).body).toMatchObject({ outcome: "unmatched", tenantId: null });
    expect(await stored(early[0]!.id)).toMatchObject({
      status: "UNMATCHED",
      stripeCustomerId: customerId,
      tenantId: null,
    });
    const link = event(
      "checkout.session.completed",
      checkoutSession({
        id: "cs_sub",
        customer: customerId,
        tenantId,
        amountCents: 9900,
        paymentIntent: "pi_unused",
        mode: "subscription",
        subscription: "sub_late",
        payment_intent: null,
        metadata: { tenantId },
      }),
      T0 + 3,
    );
    expect((await send(link)).body).toMatchObject({ outcome: "processed", tenantId });
    expect(await s.db.prisma.tenant.findUniqueOrThrow({ where: { id: tenantId } })).toMatchObject({
      stripeCustomerId: customerId,
    });
    expect((await audits(link.id)).map((a) => [a.action, a.actorKind, a.tenantId, a.after])).toEqual([
      ["tenant.stripe_link", "STRIPE", tenantId, { stripeCustomerId: customerId }],
      [
        "billing.checkout_completed",
        "STRIPE",
        tenantId,
        { mode: "subscription", paymentStatus: "paid", subscription: "sub_late" },
      ],
    ]);
    expect(await stored(link.id)).toMatchObject({
      status: "PROCESSED",
      attempts: 1,
      tenantId,
      stripeCustomerId: customerId,
    });
    expect(
      await s.db.prisma.subscription.findUniqueOrThrow({ where: { stripeSubscriptionId: "sub_late" } }),
    ).toMatchObject({ tenantId, status: "active" });
    for (const e of early) expect(await stored(e.id)).toMatchObject({ status: "PROCESSED", tenantId });
    expect(await s.db.prisma.creditLedgerEntry.count({ where: { tenantId } })).toBe(0);
  });

  it("charge.dispute.created flags the top-up's tenant for review", async () => {
    const { tenantId, customerId } = await tenant();
    await send(
      event(
        "checkout.session.completed",
        checkoutSession({
          id: "cs_disp",
          customer: customerId,
          tenantId,
          amountCents: 500,
          paymentIntent: "pi_disp",
        }),
        T0,
      ),
    );
    const e = event(
      "charge.dispute.created",
      dispute({ id: "dp_1", charge: "ch_disp", paymentIntent: "pi_disp", amountCents: 500 }),
      T0 + 1,
    );
    expect((await send(e)).body).toMatchObject({ outcome: "processed", tenantId });
    expect(await s.db.prisma.tenant.findUniqueOrThrow({ where: { id: tenantId } })).toMatchObject({
      flaggedForReview: true,
      flagReason: "Stripe dispute dp_1 on charge ch_disp: fraudulent, 5.00 USD",
    });
    expect((await audits(e.id)).map((a) => a.action)).toEqual(["tenant.flag"]);
  });
});
