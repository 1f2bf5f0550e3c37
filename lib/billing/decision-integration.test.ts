// The decision API reads what the webhook writes, at once: the webhook clears the authorize
// snapshot cache in the same process, so no test here waits out the 5 s cache or clears it itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTenantWithKey, TEST_MODEL } from "@/test/fixtures";
import { checkoutSession, event, invoice, postEvent, subscription } from "@/test/stripe/events";
import { startWebhookServer, type WebhookServer } from "@/test/stripe/webhook-server";

let s: WebhookServer;
const DAY = 86_400;
const now = () => Math.floor(Date.now() / 1000);
const call = { model: TEST_MODEL.id, inputTokens: 1000, maxOutputTokens: 500 };

beforeAll(async () => {
  s = await startWebhookServer("stripe_decisions");
  await s.db.prisma.model.upsert({ where: { id: TEST_MODEL.id }, update: {}, create: TEST_MODEL });
  await s.db.prisma.plan.create({
    data: {
      key: "pro",
      name: "Pro",
      monthlyPrice: 49_000_000n,
      stripePriceId: "price_pro",
      pastDueGraceDays: 3,
      requestsPerMinute: 100_000,
      features: ["chat"],
      allowedModels: [],
      topUpAmounts: [],
    },
  });
});
afterAll(async () => {
  await s?.close();
});

let n = 0;
async function subscribedTenant(available: bigint) {
  const r = ++n;
  const { tenant, secret } = await createTenantWithKey(s.db.prisma, {
    slug: `dec-${r}`,
    available,
    planKey: "pro",
  });
  const customerId = `cus_dec_${r}`;
  await s.db.prisma.tenant.update({ where: { id: tenant.id }, data: { stripeCustomerId: customerId } });
  const sub = (status: "active" | "past_due") =>
    subscription({
      id: `sub_dec_${r}`,
      customer: customerId,
      status,
      priceId: "price_pro",
      periodStart: now() - 20 * DAY,
      periodEnd: now() + 10 * DAY,
    });
  const inv = (status: "open" | "paid") =>
    invoice({
      id: `in_dec_${r}`,
      customer: customerId,
      subscription: `sub_dec_${r}`,
      status,
      amountDue: 4900,
    });
  expect(
    (await postEvent(s.url, event("customer.subscription.created", sub("active"), now() - 20 * DAY))).status,
  ).toBe(200);
  return { tenantId: tenant.id, secret, customerId, sub, inv };
}

async function authorize(secret: string) {
  const res = await fetch(`${s.url}/api/v1/authorize`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${secret}` },
    body: JSON.stringify({ ...call, requestId: `req-${Math.random()}` }),
  });
  return { status: res.status, body: await res.json() };
}

describe("webhooks → POST /api/v1/authorize", () => {
  it("past due beyond the plan's grace answers 402 subscription_past_due; invoice.paid allows again", async () => {
    const t = await subscribedTenant(10_000_000n);
    expect((await authorize(t.secret)).status).toBe(200);
    const failedAt = now() - 4 * DAY;
    expect((await postEvent(s.url, event("invoice.payment_failed", t.inv("open"), failedAt))).status).toBe(
      200,
    );
    expect(
      (await postEvent(s.url, event("customer.subscription.updated", t.sub("past_due"), failedAt))).status,
    ).toBe(200);
    const refused = await authorize(t.secret);
    expect(refused.status).toBe(402);
    expect(refused.body).toMatchObject({
      code: "subscription_past_due",
      remedy: { url: `https://invoice.stripe.com/i/in_dec_${n}` },
    }); // the mirrored open invoice

    expect((await postEvent(s.url, event("invoice.paid", t.inv("paid"), now()))).status).toBe(200);
    const allowed = await authorize(t.secret);
    expect(allowed.status).toBe(200);
    expect(allowed.body.limits.warnings).toEqual([]);
  });

  it("past due inside the grace period is allowed with a warning that says when grace ends", async () => {
    const t = await subscribedTenant(10_000_000n);
    const failedAt = now() - 1 * DAY;
    await postEvent(s.url, event("customer.subscription.updated", t.sub("past_due"), failedAt));
    const answer = await authorize(t.secret);
    expect(answer.status).toBe(200);
    expect(answer.body.limits.warnings).toEqual([
      expect.objectContaining({
        code: "subscription_past_due",
        graceEndsAt: new Date((failedAt + 3 * DAY) * 1000).toISOString(),
      }),
    ]);
  });

  it("a top-up turns credits_exhausted into an allow", async () => {
    const t = await subscribedTenant(0n);
    const before = await authorize(t.secret);
    expect([before.status, before.body.code]).toEqual([402, "credits_exhausted"]);
    const topUp = checkoutSession({
      id: "cs_dec",
      customer: t.customerId,
      tenantId: t.tenantId,
      amountCents: 1000,
      paymentIntent: "pi_dec",
    });
    expect((await postEvent(s.url, event("checkout.session.completed", topUp, now()))).status).toBe(200);
    expect((await authorize(t.secret)).status).toBe(200);
  });
});
