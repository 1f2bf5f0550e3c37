// POST /api/billing/checkout – a Stripe Checkout Session (credit top-up or plan) for the signed-in tenant owner

import { checkoutOperation } from "@/lib/api/operations/dashboard";
import { createCheckout } from "@/lib/billing/outbound";
import { requireStripe } from "@/lib/billing/require-stripe";
import { prisma } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { session } from "@/lib/web/session-auth";

export const dynamic = "force-dynamic";

export const POST = route(
  {
    operation: checkoutOperation,
    auth: session({ area: "tenant", ownerOnly: true }),
    requires: requireStripe,
  },
  async ({ auth: owner, ready: stripe, body }) => {
    const { url } = await createCheckout(prisma, stripe, owner, body, appUrl());
    return json({ url });
  },
);
