// POST /api/stripe/webhook – verify a Stripe event's signature and apply it to the billing mirror once
import { apiRoute } from "@/lib/http/handler";
import { receiveStripeWebhook } from "@/lib/billing/receive-webhook";
import { stripeClient } from "@/lib/billing/stripe-client";
import { webhookSecrets } from "@/lib/billing/webhook-secrets";
import { prisma } from "@/lib/db";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (req) => {
  // The raw text, never req.json(): the signature covers the exact bytes Stripe sent.
  const answer = await receiveStripeWebhook(
    prisma,
    await req.text(),
    req.headers.get("stripe-signature"),
    webhookSecrets(),
    stripeClient(),
  );
  const type = answer.status === 200 ? "application/json" : "application/problem+json";
  return new Response(JSON.stringify(answer.body), {
    status: answer.status,
    headers: { "Content-Type": type, "Cache-Control": "no-store" },
  });
});
