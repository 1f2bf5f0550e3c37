// The demo's "Simulate payment": with no STRIPE_SECRET_KEY there is no Checkout to send the owner
// to, so the app builds the checkout.session.completed event Stripe would send for a paid top-up,
// signs it with the webhook secret and POSTs it to its own webhook. The demo thus runs the real
// path (signature, event record, grant, audit) rather than a shortcut that writes credits.
import { randomBytes } from "node:crypto";
import Stripe from "stripe";

import { MICRO_PER_CENT } from "@/lib/billing/mirror/top-up";
import { stripeWebhooks } from "@/lib/billing/stripe-client";
import type { CheckoutSessionShape } from "@/lib/billing/stripe-shapes";
import { webhookSecrets } from "@/lib/billing/webhook-secrets";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** The secret simulated events are signed with; 404 outside the demo or once a real Stripe key is set. */
export function demoWebhookSecret(): string {
  const e = env();
  const secret = webhookSecrets()[0];
  if (!e.TOLLGATE_DEMO || e.STRIPE_SECRET_KEY || !secret)
    throw new AppError("not_found", "Simulated payments exist only in the demo, without STRIPE_SECRET_KEY.");
  return secret;
}

/** The event sent and the webhook's HTTP status. An amount the plan does not offer throws not_offered. */
export type SimulatedTopUp = { eventId: string; status: number };

export async function simulateTopUp(
  prisma: PrismaClient,
  tenantId: string,
  amount: bigint,
  webhookUrl: string,
  secret: string,
): Promise<SimulatedTopUp> {
  const tenant = await prisma.tenant.findUniqueOrThrow({ where: { id: tenantId }, include: { plan: true } });
  if (!tenant.plan.topUpAmounts.includes(amount) || amount % MICRO_PER_CENT !== 0n) {
    throw new AppError("not_offered", `The ${tenant.plan.name} plan does not offer a top-up of that amount.`);
  }
  const now = Math.floor(Date.now() / 1000);
  const tag = randomBytes(8).toString("hex");
  const session: CheckoutSessionShape = {
    id: `cs_demo_${tag}`,
    object: "checkout.session",
    mode: "payment",
    status: "complete",
    payment_status: "paid",
    amount_total: Number(amount / MICRO_PER_CENT),
    currency: "usd",
    client_reference_id: tenant.id,
    created: now,
    metadata: { tenantId: tenant.id, kind: "top_up", credits: amount.toString() },
    customer: tenant.stripeCustomerId,
    subscription: null,
    payment_intent: `pi_demo_${tag}`,
  };
  const event = {
    id: `evt_demo_${tag}`,
    object: "event",
    api_version: Stripe.API_VERSION,
    created: now,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: "checkout.session.completed",
    data: { object: session },
  };
  const payload = JSON.stringify(event);
  const res = await fetch(webhookUrl, {
    method: "POST",
    body: payload,
    headers: {
      "Content-Type": "application/json",
      "Stripe-Signature": stripeWebhooks.generateTestHeaderString({ payload, secret }),
    },
  });
  return { eventId: event.id, status: res.status };
}
