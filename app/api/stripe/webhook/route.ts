// POST /api/stripe/webhook – verify a Stripe event's signature and apply it to the billing mirror once
import { stripeWebhookOperation } from "@/lib/api/operations/system";
import { receiveStripeWebhook } from "@/lib/billing/receive-webhook";
import { stripeClient } from "@/lib/billing/stripe-client";
import { webhookSecrets } from "@/lib/billing/webhook-secrets";
import { prisma } from "@/lib/db";
import { problemResponse, type Problem } from "@/lib/errors/problem";
import { publicAccess } from "@/lib/http/auth/public-access";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// No body schema: the signature covers the exact bytes Stripe sent, so the raw text is read here.
export const POST = route({ operation: stripeWebhookOperation, auth: publicAccess }, async ({ req }) => {
  const signature = req.headers.get("stripe-signature");
  const answer = await receiveStripeWebhook(
    prisma,
    await req.text(),
    signature,
    webhookSecrets(),
    stripeClient(),
  );
  return answer.status === 200 ? json(answer.body) : problemResponse(answer.body as Problem);
});
