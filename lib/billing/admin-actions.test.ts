// The Stripe events page's action bodies on real PostgreSQL, with events delivered through the
// real signed webhook: linking an unmatched customer (grouped list, role check, field errors,
// the stored events applied oldest first, audited) and replaying an event (role check, a FAILED
// event re-applied once, a repeat that changes nothing, audited).
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { AdminCaller } from "@/lib/billing/admin-actions";
import { eventIdForm, linkCustomerForm } from "@/lib/billing/forms";
import { parseForm } from "@/lib/forms/action-state";
import { createTenantWithKey } from "@/test/fixtures";
import { card, checkoutSession, event, postEvent, subscription } from "@/test/stripe/events";
import { startWebhookServer, type WebhookServer } from "@/test/stripe/webhook-server";

let s: WebhookServer;
let body: typeof import("@/lib/billing/admin-actions");
let prisma: typeof import("@/lib/db").prisma;
let unmatchedCustomers: typeof import("@/lib/billing/unmatched-customers").unmatchedCustomers;
const T0 = 1_780_000_000;
const PERIOD = { periodStart: 1_779_000_000, periodEnd: 1_781_592_000 };
const admin: AdminCaller = { role: "ADMIN", actor: { kind: "USER", id: "admin-1", ip: "203.0.113.9" } };
const sec = (unix: number) => new Date(unix * 1000);

beforeAll(async () => {
  s = await startWebhookServer("stripe_admin_actions");
  [body, { prisma }, { unmatchedCustomers }] = await Promise.all([
    import("@/lib/billing/admin-actions"),
    import("@/lib/db"),
    import("@/lib/billing/unmatched-customers"),
  ]);
  await createTenantWithKey(s.db.prisma, { slug: "seed-plans", available: 0n, planKey: "free" });
  await s.db.prisma.plan.create({
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
});
afterAll(async () => {
  await s?.close();
});

const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
};
// The form parsed as the action wrapper parses it (a malformed form is answered there), then the body.
const link = (caller: AdminCaller, fields: Record<string, string>) => {
  const parsed = parseForm(linkCustomerForm, form(fields));
  return parsed.success
    ? body.linkCustomer(prisma, caller, parsed.data)
    : { ok: false, fieldErrors: parsed.fieldErrors };
};
const replay = (caller: AdminCaller, fields: Record<string, string>) => {
  const parsed = parseForm(eventIdForm, form(fields));
  return parsed.success
    ? body.replayEvent(prisma, null, caller, parsed.data)
    : body.invalidEventId(parsed.fieldErrors);
};
const send = async (e: object) => (await postEvent(s.url, e)).json();
const newTenant = async (slug: string, customerId: string | null = null) => {
  const { tenant } = await createTenantWithKey(s.db.prisma, { slug, available: 0n, planKey: "free" });
  if (customerId)
    await s.db.prisma.tenant.update({ where: { id: tenant.id }, data: { stripeCustomerId: customerId } });
  return tenant;
};

describe("linkCustomer", () => {
  it("lists the unmatched customer, links it to the tenant named by slug and applies its events oldest first, audited", async () => {
    const tenant = await newTenant("link-target");
    const cus = "cus_unmatched_a";
    const sub = (status: "incomplete" | "active") =>
      subscription({ id: "sub_unmatched_a", customer: cus, status, priceId: "price_team", ...PERIOD });
    // Delivered newest first: applying them in arrival order would leave the subscription incomplete.
    const events = [
      event("customer.subscription.updated", sub("active"), T0 + 2),
      event("customer.subscription.created", sub("incomplete"), T0 + 1),
      event("payment_method.attached", card({ id: "pm_unmatched_a", customer: cus }), T0 + 3),
    ];
    for (const e of events) expect(await send(e)).toMatchObject({ outcome: "unmatched", tenantId: null });

    expect(await unmatchedCustomers(prisma)).toEqual([
      {
        customerId: cus,
        count: 3,
        firstCreated: sec(T0 + 1),
        lastCreated: sec(T0 + 3),
        types: ["customer.subscription.created", "customer.subscription.updated", "payment_method.attached"],
      },
    ]);

    const r = await link(admin, { customerId: cus, tenantSlug: " link-target " });
    expect(r).toEqual({ ok: true, message: `Linked ${cus} to link-target; 3 stored events applied.` });
    expect(
      await s.db.prisma.tenant.findUniqueOrThrow({ where: { id: tenant.id }, include: { plan: true } }),
    ).toMatchObject({ stripeCustomerId: cus, plan: { key: "team" } });
    expect(
      await s.db.prisma.subscription.findUniqueOrThrow({
        where: { stripeSubscriptionId: "sub_unmatched_a" },
      }),
    ).toMatchObject({ tenantId: tenant.id, status: "active", stripeEventCreatedAt: sec(T0 + 2) });
    expect(
      await s.db.prisma.paymentMethod.findUniqueOrThrow({
        where: { stripePaymentMethodId: "pm_unmatched_a" },
      }),
    ).toMatchObject({ tenantId: tenant.id, detachedAt: null });
    for (const e of events)
      expect(await s.db.prisma.stripeEvent.findUniqueOrThrow({ where: { id: e.id } })).toMatchObject({
        status: "PROCESSED",
        tenantId: tenant.id,
        attempts: 2,
        error: null,
      });
    // The subscription's own audit rows name the events in `created` order.
    const subAudits = await s.db.prisma.auditLog.findMany({
      where: { tenantId: tenant.id, action: { startsWith: "subscription." } },
      orderBy: { id: "asc" },
      select: { action: true, causeId: true },
    });
    expect(subAudits.map((a) => a.causeId)).toEqual([events[1]!.id, events[0]!.id]);
    const adminAudits = await s.db.prisma.auditLog.findMany({
      where: { tenantId: tenant.id, actorKind: "USER" },
      orderBy: { id: "asc" },
    });
    expect(
      adminAudits.map((a) => ({ action: a.action, actorId: a.actorId, ip: a.ip, after: a.after })),
    ).toEqual([
      {
        action: "tenant.stripe_link",
        actorId: "admin-1",
        ip: "203.0.113.9",
        after: { stripeCustomerId: cus },
      },
      {
        action: "stripe_customer.link_replay",
        actorId: "admin-1",
        ip: "203.0.113.9",
        after: { customerId: cus, link: "linked", applied: 3, failed: 0, duplicate: 0 },
      },
    ]);
    expect(await unmatchedCustomers(prisma)).toEqual([]);

    // Linking again changes nothing and says so; the same customer for another tenant, or another customer for this one, is refused on its field.
    expect(await link(admin, { customerId: cus, tenantSlug: "link-target" })).toEqual({
      ok: true,
      message: `Already linked: ${cus} to link-target; 0 stored events applied.`,
    });
    await newTenant("link-other");
    expect(await link(admin, { customerId: cus, tenantSlug: "link-other" })).toEqual({
      ok: false,
      fieldErrors: { customerId: [`${cus} is already linked to tenant “link-target”.`] },
    });
    expect(await link(admin, { customerId: "cus_someone_else", tenantSlug: "link-target" })).toEqual({
      ok: false,
      fieldErrors: { tenantSlug: [`link-target is already linked to ${cus}.`] },
    });
    expect(await s.db.prisma.tenant.findUniqueOrThrow({ where: { slug: "link-other" } })).toMatchObject({
      stripeCustomerId: null,
    });
  });

  it.each([
    [
      "a tenant user",
      { role: "TENANT_OWNER" as const },
      { customerId: "cus_refused", tenantSlug: "refuse-target" },
      { ok: false, message: "Only an administrator can do this." },
    ],
    [
      "a malformed customer id and an empty slug",
      {},
      { customerId: "acct_1", tenantSlug: "  " },
      {
        ok: false,
        fieldErrors: { customerId: ["Not a Stripe customer id (cus_…)"], tenantSlug: ["Choose a tenant"] },
      },
    ],
    [
      "a slug that is not one",
      {},
      { customerId: "cus_refused", tenantSlug: "Not A Slug" },
      { ok: false, fieldErrors: { tenantSlug: ["A tenant slug: lowercase letters, digits and dashes"] } },
    ],
    [
      "a slug no tenant has",
      {},
      { customerId: "cus_refused", tenantSlug: "nobody-here" },
      { ok: false, fieldErrors: { tenantSlug: ["No tenant has the slug “nobody-here”."] } },
    ],
  ])("refuses %s and links nothing", async (_name, who, fields, answer) => {
    if (!(await s.db.prisma.tenant.findUnique({ where: { slug: "refuse-target" } })))
      await newTenant("refuse-target");
    const e = event(
      "payment_method.attached",
      card({ id: `pm_refused_${Math.random().toString(36).slice(2, 8)}`, customer: "cus_refused" }),
      T0,
    );
    expect(await send(e)).toMatchObject({ outcome: "unmatched" });
    const auditsBefore = await s.db.prisma.auditLog.count();
    expect(await link({ ...admin, ...who }, fields)).toEqual(answer);
    expect(await s.db.prisma.tenant.findUniqueOrThrow({ where: { slug: "refuse-target" } })).toMatchObject({
      stripeCustomerId: null,
    });
    expect(await s.db.prisma.stripeEvent.findUniqueOrThrow({ where: { id: e.id } })).toMatchObject({
      status: "UNMATCHED",
      tenantId: null,
    });
    expect(await s.db.prisma.auditLog.count()).toBe(auditsBefore);
  });
});

describe("replayEvent", () => {
  it("re-applies a FAILED event once (credits granted once), a repeat changes nothing, each replay audited; a tenant user is refused", async () => {
    const tenant = await newTenant("replay-target", "cus_replay");
    // A real failure inside the event's transaction: the first credit ledger write raises, once.
    await s.db.prisma.$executeRawUnsafe(`CREATE SEQUENCE replay_fail_seq`);
    await s.db.prisma.$executeRawUnsafe(
      `CREATE FUNCTION replay_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."tenantId" = '${tenant.id}' AND nextval('replay_fail_seq') = 1 THEN RAISE EXCEPTION 'injected ledger failure'; END IF; RETURN NEW; END $$`,
    );
    await s.db.prisma.$executeRawUnsafe(
      `CREATE TRIGGER replay_fail BEFORE INSERT ON "CreditLedgerEntry" FOR EACH ROW EXECUTE FUNCTION replay_fail()`,
    );
    const e = event(
      "checkout.session.completed",
      checkoutSession({
        id: "cs_replay",
        customer: "cus_replay",
        tenantId: tenant.id,
        amountCents: 2500,
        paymentIntent: "pi_replay",
      }),
      T0,
    );
    const first = await postEvent(s.url, e);
    expect(first.status).toBe(500);
    const row = () => s.db.prisma.stripeEvent.findUniqueOrThrow({ where: { id: e.id } });
    expect(await row()).toMatchObject({
      status: "FAILED",
      attempts: 1,
      error: expect.stringContaining("injected ledger failure"),
    });
    const balance = () =>
      s.db.prisma.creditBalance
        .findUniqueOrThrow({ where: { tenantId: tenant.id } })
        .then((b) => b.available);
    expect(await balance()).toBe(0n);

    expect(await replay({ ...admin, role: "TENANT_MEMBER" }, { eventId: e.id })).toEqual({
      ok: false,
      message: "Only an administrator can do this.",
    });
    expect(await row()).toMatchObject({ status: "FAILED", attempts: 1 });

    expect(await replay(admin, { eventId: e.id })).toEqual({
      ok: true,
      message: "Replayed: processed",
    });
    expect(await row()).toMatchObject({ status: "PROCESSED", attempts: 2, error: null, tenantId: tenant.id });
    expect(await balance()).toBe(25_000_000n);
    expect(await replay(admin, { eventId: e.id })).toEqual({
      ok: true,
      message: "Replayed: processed",
    });
    expect(await balance()).toBe(25_000_000n);
    expect(
      await s.db.prisma.creditLedgerEntry.findMany({
        where: { tenantId: tenant.id },
        select: { kind: true, amount: true, idempotencyKey: true },
      }),
    ).toEqual([{ kind: "GRANT", amount: 25_000_000n, idempotencyKey: "grant:stripe-topup:pi_replay" }]);
    const replays = await s.db.prisma.auditLog.findMany({
      where: { action: "stripe_event.replay", targetId: e.id },
      orderBy: { id: "asc" },
    });
    expect(
      replays.map((a) => ({
        actorKind: a.actorKind,
        actorId: a.actorId,
        tenantId: a.tenantId,
        after: a.after,
      })),
    ).toEqual([
      {
        actorKind: "USER",
        actorId: "admin-1",
        tenantId: tenant.id,
        after: { source: "stored", outcome: "processed", tenantId: tenant.id },
      },
      {
        actorKind: "USER",
        actorId: "admin-1",
        tenantId: tenant.id,
        after: { source: "stored", outcome: "processed", tenantId: tenant.id },
      },
    ]);
  });

  it("answers an unknown id (no Stripe key to fetch it) and a malformed one without writing an audit row", async () => {
    const before = await s.db.prisma.auditLog.count();
    expect(await replay(admin, { eventId: "evt_never_stored" })).toEqual({
      ok: false,
      message: "No such event stored, and Stripe is not configured to fetch it.",
    });
    expect(await replay(admin, { eventId: "cus_123" })).toEqual({
      ok: false,
      message: "Not a Stripe event id",
      fieldErrors: { eventId: ["Not a Stripe event id"] },
    });
    expect(await s.db.prisma.auditLog.count()).toBe(before);
  });
});
