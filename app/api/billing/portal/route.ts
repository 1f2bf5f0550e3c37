// POST /api/billing/portal – a Stripe Billing Portal session (cards, invoices, cancel) for the signed-in tenant owner
import { billingNotConfigured, outboundResponse } from "@/lib/http/billing-route";
import { createPortal } from "@/lib/billing/outbound";
import { stripeClient } from "@/lib/billing/stripe-client";
import { prisma } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { sessionRoute } from "@/lib/web/session-route";

export const dynamic = "force-dynamic";

export const POST = sessionRoute({ area: "tenant", ownerOnly: true }, async (_req, _ctx, user) => {
  const stripe = stripeClient();
  if (!stripe) return billingNotConfigured();
  return outboundResponse(await createPortal(prisma, stripe, user, appUrl()));
});
