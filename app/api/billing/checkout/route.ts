// POST /api/billing/checkout – a Stripe Checkout Session (credit top-up or plan) for the signed-in tenant owner
import { z } from "zod";

import { createCheckout } from "@/lib/billing/outbound";
import { requireStripe } from "@/lib/billing/require-stripe";
import { prisma } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { session } from "@/lib/web/session-auth";

export const dynamic = "force-dynamic";

const body = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("top_up"),
    amount: z
      .string()
      .regex(/^[1-9]\d{0,15}$/, "must be a whole number of micro-USD")
      .transform(BigInt),
  }),
  z.strictObject({ kind: z.literal("subscription"), planKey: z.string().min(1).max(100) }),
]);

export const POST = route(
  { auth: session({ area: "tenant", ownerOnly: true }), requires: requireStripe, body },
  async ({ auth: owner, ready: stripe, body }) => {
    const { url } = await createCheckout(prisma, stripe, owner, body, appUrl());
    return json({ url });
  },
);
