// POST /api/billing/portal – a Stripe Billing Portal session (cards, invoices, cancel) for the signed-in tenant owner
import { portalOperation } from "@/lib/api/operations/dashboard";
import { createPortal } from "@/lib/billing/outbound";
import { requireStripe } from "@/lib/billing/require-stripe";
import { prisma } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { session } from "@/lib/web/session-auth";

export const dynamic = "force-dynamic";

export const POST = route(
  { operation: portalOperation, auth: session({ area: "tenant", ownerOnly: true }), requires: requireStripe },
  async ({ auth: owner, ready: stripe }) => {
    const { url } = await createPortal(prisma, stripe, owner, appUrl());
    return json({ url });
  },
);
