// The shared shape of the billing routes: the body schema for checkout, the answer for an
// outbound result, and the 503 when Stripe is not configured (the demo).
import { z } from "zod";

import type { OutboundResult } from "@/lib/billing/outbound";
import { PROBLEM_TYPE_BASE, problemResponse } from "@/lib/errors/problem";

export const checkoutRequestSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("top_up"),
    amount: z
      .string()
      .regex(/^[1-9]\d{0,15}$/, "must be a whole number of micro-USD")
      .transform(BigInt),
  }),
  z.strictObject({ kind: z.literal("subscription"), planKey: z.string().min(1).max(100) }),
]);

export function billingNotConfigured(): Response {
  return problemResponse({
    type: `${PROBLEM_TYPE_BASE}billing_not_configured`,
    title: "Billing not configured",
    status: 503,
    code: "billing_not_configured",
    detail: "Set STRIPE_SECRET_KEY to take payments (see README, Stripe).",
  });
}

export function outboundResponse(result: OutboundResult): Response {
  if (result.ok) return Response.json({ url: result.url }, { headers: { "Cache-Control": "no-store" } });
  return problemResponse({
    type: `${PROBLEM_TYPE_BASE}${result.code}`,
    title: "Not available",
    status: 422,
    code: result.code,
    detail: result.detail,
  });
}
