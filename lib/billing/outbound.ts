// Outbound Stripe calls for the tenant's billing page: Checkout for a credit top-up or a plan,
// and the Billing Portal. A tenant without a Stripe customer gets one created under a Stripe
// idempotency key derived from the tenant, so a double click (two requests at once) makes one
// customer; the link itself is a conditional update (lib/billing/link-customer.ts).
import type Stripe from "stripe";

import { linkStripeCustomer } from "@/lib/billing/link-customer";
import { MICRO_PER_CENT } from "@/lib/billing/mirror/top-up";
import { AppError } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type BillingOwner = { id: string; email: string; tenantId: string };

export type CheckoutRequest = { kind: "top_up"; amount: bigint } | { kind: "subscription"; planKey: string };

/** Where to send the owner's browser. A request Tollgate does not offer throws not_offered or no_price. */
export type Outbound = { url: string };

export const customerIdempotencyKey = (tenantId: string) => `tollgate-customer-${tenantId}`;

export async function ensureCustomer(
  prisma: PrismaClient,
  stripe: Stripe,
  owner: BillingOwner,
): Promise<string> {
  const tenant = await prisma.tenant.findUniqueOrThrow({
    where: { id: owner.tenantId },
    select: { id: true, name: true, stripeCustomerId: true },
  });
  if (tenant.stripeCustomerId) return tenant.stripeCustomerId;
  const customer = await stripe.customers.create(
    { name: tenant.name, email: owner.email, metadata: { tenantId: tenant.id } },
    { idempotencyKey: customerIdempotencyKey(tenant.id) },
  );
  const linked = await linkStripeCustomer(
    prisma,
    { kind: "USER", id: owner.id, ip: null },
    tenant.id,
    customer.id,
  );
  // Another request linked a different customer first (possible only after the key expired, 24 h): keep the first.
  return linked.outcome === "tenant_has_other_customer" ? linked.customerId : customer.id;
}

export async function createCheckout(
  prisma: PrismaClient,
  stripe: Stripe,
  owner: BillingOwner,
  req: CheckoutRequest,
  appUrl: string,
): Promise<Outbound> {
  const tenant = await prisma.tenant.findUniqueOrThrow({
    where: { id: owner.tenantId },
    include: { plan: true },
  });
  const back = `${appUrl}/app/billing`;
  if (req.kind === "top_up") {
    if (!tenant.plan.topUpAmounts.includes(req.amount))
      throw new AppError(
        "not_offered",
        `The ${tenant.plan.name} plan does not offer a top-up of that amount.`,
      );
    if (req.amount % MICRO_PER_CENT !== 0n) throw new AppError("not_offered", "Top-ups are whole cents.");
    const customer = await ensureCustomer(prisma, stripe, owner);
    // The charge carries the same metadata, so a refund can be matched to its credits even when it arrives first.
    const metadata = { tenantId: tenant.id, kind: "top_up", credits: req.amount.toString() };
    const session = await stripe.checkout.sessions.create({
      mode: "payment",
      customer,
      client_reference_id: tenant.id,
      metadata,
      payment_intent_data: { metadata },
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: "usd",
            unit_amount: Number(req.amount / MICRO_PER_CENT),
            product_data: { name: "Tollgate credits" },
          },
        },
      ],
      success_url: `${back}?checkout=success#top-up`,
      cancel_url: `${back}#top-up`,
    });
    return { url: session.url! };
  }
  const plan = await prisma.plan.findUnique({ where: { key: req.planKey } });
  if (!plan) throw new AppError("not_offered", `There is no plan ${req.planKey}.`);
  if (!plan.stripePriceId) throw new AppError("no_price", `The ${plan.name} plan has no Stripe price.`);
  const customer = await ensureCustomer(prisma, stripe, owner);
  const session = await stripe.checkout.sessions.create({
    mode: "subscription",
    customer,
    client_reference_id: tenant.id,
    metadata: { tenantId: tenant.id, planKey: plan.key },
    subscription_data: { metadata: { tenantId: tenant.id } },
    line_items: [{ price: plan.stripePriceId, quantity: 1 }],
    success_url: `${back}?checkout=success#plans`,
    cancel_url: `${back}#plans`,
  });
  return { url: session.url! };
}

export async function createPortal(
  prisma: PrismaClient,
  stripe: Stripe,
  owner: BillingOwner,
  appUrl: string,
): Promise<Outbound> {
  const customer = await ensureCustomer(prisma, stripe, owner);
  const session = await stripe.billingPortal.sessions.create({
    customer,
    return_url: `${appUrl}/app/billing`,
  });
  return { url: session.url };
}
