// POST /api/billing/checkout – a Stripe Checkout Session (credit top-up or plan) for the signed-in tenant owner
import { readJson } from "@/lib/http/read-json";
import { billingNotConfigured, checkoutRequestSchema, outboundResponse } from "@/lib/http/billing-route";
import { createCheckout } from "@/lib/billing/outbound";
import { stripeClient } from "@/lib/billing/stripe-client";
import { prisma } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { sessionRoute } from "@/lib/web/session-route";

export const dynamic = "force-dynamic";

export const POST = sessionRoute({ area: "tenant", ownerOnly: true }, async (req, _ctx, user) => {
  const stripe = stripeClient();
  if (!stripe) return billingNotConfigured();
  const body = await readJson(req, checkoutRequestSchema);
  return outboundResponse(await createCheckout(prisma, stripe, user, body, appUrl()));
});
