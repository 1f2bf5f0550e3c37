// Stripe events reach the alert rules over the real webhook route: a signed
// customer.subscription.updated that turns the subscription past_due fires the
// SUBSCRIPTION_PAST_DUE rule in the very transaction that records the event (the AlertEvent, one
// NotificationDelivery per channel and their jobs share its transaction id), invoice.paid
// resolves it the same way, and a redelivered event (same id) or a repeated past_due snapshot
// (new id) makes no second transition.
import { describe, expect, it } from "vitest";

import { createChannel, createRule, eventsOf } from "@/test/alert-fixtures";
import { createTenantWithKey } from "@/test/fixtures";
import { event, invoice, subscription } from "@/test/stripe/events";
import { PERIOD, T0, webhookTestServer } from "@/test/stripe/webhook-harness";

const { s, send } = webhookTestServer("alerts_stripe");

/** Rows written for the rule so far, each with the id of the transaction that wrote it. */
async function written(ruleId: string) {
  const q = <T>(sql: string) => s.db.prisma.$queryRawUnsafe<T[]>(sql, ruleId);
  const events = await q<{ id: string; kind: string; tx: string }>(
    `SELECT id, kind::text, xmin::text AS tx FROM "AlertEvent" WHERE "ruleId" = $1 ORDER BY "createdAt", kind`,
  );
  const deliveries = await q<{ id: string; eventId: string; channelId: string; status: string; tx: string }>(
    `SELECT d.id, d."alertEventId" AS "eventId", d."channelId", d.status::text, d.xmin::text AS tx FROM "NotificationDelivery" d JOIN "AlertEvent" e ON e.id = d."alertEventId" WHERE e."ruleId" = $1`,
  );
  const jobs = await s.db.prisma.$queryRawUnsafe<Array<{ deliveryId: string; tx: string }>>(
    `SELECT data->>'deliveryId' AS "deliveryId", xmin::text AS tx FROM pgboss.job WHERE name = 'tollgate-notify' AND data->>'deliveryId' = ANY($1)`,
    deliveries.map((d) => d.id),
  );
  return { events, deliveries, jobs };
}
const eventTx = async (id: string) =>
  (
    await s.db.prisma.$queryRawUnsafe<Array<{ tx: string }>>(
      `SELECT xmin::text AS tx FROM "StripeEvent" WHERE id = $1`,
      id,
    )
  )[0]!.tx;

describe("Stripe webhook → alert rules", () => {
  it("past_due fires SUBSCRIPTION_PAST_DUE in the event's transaction, invoice.paid resolves it, duplicates transition nothing", async () => {
    const { tenant } = await createTenantWithKey(s.db.prisma, {
      slug: "pastdue",
      available: 0n,
      planKey: "free",
    });
    await s.db.prisma.tenant.update({ where: { id: tenant.id }, data: { stripeCustomerId: "cus_alerts" } });
    const hook = await createChannel(s.db.prisma, tenant.id, "http://127.0.0.1:9/hook");
    const slack = await createChannel(s.db.prisma, tenant.id, "http://127.0.0.1:9/slack", "SLACK");
    const rule = await createRule(s.db.prisma, tenant.id, "SUBSCRIPTION_PAST_DUE", 0n, [hook.id, slack.id]);
    const sub = (status: "active" | "past_due") =>
      subscription({ id: "sub_alerts", customer: "cus_alerts", status, priceId: "price_pro", ...PERIOD });
    const state = async () =>
      (await s.db.prisma.alertRule.findUniqueOrThrow({ where: { id: rule.id } })).state;

    // Active: evaluated, nothing to say.
    expect((await send(event("customer.subscription.created", sub("active"), T0))).body.outcome).toBe(
      "processed",
    );
    expect(await state()).toBe("OK");
    expect((await written(rule.id)).events).toEqual([]);

    // past_due: one FIRING, a delivery per channel and a job per delivery, all in the event's transaction.
    const pastDue = event("customer.subscription.updated", sub("past_due"), T0 + 10, {
      previous_attributes: { status: "active" },
    });
    expect((await send(pastDue)).body.outcome).toBe("processed");
    expect(await state()).toBe("FIRING");
    let w = await written(rule.id);
    expect(w.events.map((e) => e.kind)).toEqual(["FIRING"]);
    const firing = w.events[0]!;
    expect(w.deliveries.map((d) => [d.eventId, d.channelId, d.status]).sort()).toEqual(
      [
        [firing.id, hook.id, "PENDING"],
        [firing.id, slack.id, "PENDING"],
      ].sort(),
    );
    expect(w.jobs.map((j) => j.deliveryId).sort()).toEqual(w.deliveries.map((d) => d.id).sort());
    const tx = await eventTx(pastDue.id);
    expect([firing.tx, ...w.deliveries.map((d) => d.tx), ...w.jobs.map((j) => j.tx)]).toEqual(
      Array(5).fill(tx),
    );

    // The same event delivered again, and a newer snapshot that is still past_due: no second FIRING.
    expect((await send(pastDue)).body.outcome).toBe("duplicate");
    expect((await send(event("customer.subscription.updated", sub("past_due"), T0 + 20))).body.outcome).toBe(
      "processed",
    );
    w = await written(rule.id);
    expect([w.events.length, w.deliveries.length, w.jobs.length]).toEqual([1, 2, 2]);

    // The overdue invoice is paid: the subscription recovers and the rule resolves, notified on both channels.
    const paid = event(
      "invoice.paid",
      invoice({
        id: "in_alerts",
        customer: "cus_alerts",
        subscription: "sub_alerts",
        status: "paid",
        amountDue: 4_900,
        created: T0 + 30,
      }),
      T0 + 30,
    );
    expect((await send(paid)).body.outcome).toBe("processed");
    expect(
      (await s.db.prisma.subscription.findUniqueOrThrow({ where: { stripeSubscriptionId: "sub_alerts" } }))
        .status,
    ).toBe("active");
    expect(await state()).toBe("RESOLVED");
    w = await written(rule.id);
    const resolved = w.events.find((e) => e.kind === "RESOLVED")!;
    expect(w.events.map((e) => e.kind)).toEqual(["FIRING", "RESOLVED"]);
    const resolvedDeliveries = w.deliveries.filter((d) => d.eventId === resolved.id);
    expect(resolvedDeliveries.map((d) => d.channelId).sort()).toEqual([hook.id, slack.id].sort());
    const paidTx = await eventTx(paid.id);
    expect([
      resolved.tx,
      ...resolvedDeliveries.map((d) => d.tx),
      ...w.jobs.filter((j) => resolvedDeliveries.some((d) => d.id === j.deliveryId)).map((j) => j.tx),
    ]).toEqual(Array(5).fill(paidTx));

    // invoice.paid redelivered: still one FIRING and one RESOLVED.
    expect((await send(paid)).body.outcome).toBe("duplicate");
    expect(await eventsOf(s.db.prisma, rule.id)).toEqual(["FIRING", "RESOLVED"]);
    expect((await written(rule.id)).jobs).toHaveLength(4);
  });
});
