// POST /api/stripe/webhook's logic: verify the raw body's signature against each configured
// secret (400, nothing written, when none matches or the timestamp is outside the 300 s tolerance),
// check the envelope, then apply the event (lib/billing/process-event.ts). 200 for applied,
// duplicate, ignored and unmatched events; 500 when a handler failed, so Stripe retries.
import type Stripe from "stripe";
import { z } from "zod";

import { processStripeEvent } from "@/lib/billing/process-event";
import { stripeWebhooks } from "@/lib/billing/stripe-client";
import type { StoredEvent } from "@/lib/billing/webhooks/context";
import type { ApiErrorCode } from "@/lib/errors/app-error";
import { problem as problemBody, type Problem } from "@/lib/errors/problem";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const SIGNATURE_TOLERANCE_SECONDS = 300;
const MAX_EVENT_BYTES = 1024 * 1024;

const envelope = z
  .object({
    id: z.string().startsWith("evt_"),
    object: z.literal("event"),
    type: z.string().min(1),
    created: z.number().int().positive(),
    livemode: z.boolean(),
    data: z.object({ object: z.looseObject({ object: z.string() }) }).loose(),
  })
  .loose();

export type WebhookAnswer = { status: number; body: Record<string, unknown> | Problem };

const problem = (code: ApiErrorCode, detail: string): WebhookAnswer => {
  const body = problemBody(code, detail);
  return { status: body.status, body };
};

/** constructEvent against each secret in turn; a signature that matches but a body that is not JSON is a 400 of its own. */
function verify(
  rawBody: string,
  signature: string,
  secrets: string[],
): { ok: true; json: unknown } | { ok: false; answer: WebhookAnswer } {
  let lastError = "no secret matched";
  for (const secret of secrets) {
    try {
      return {
        ok: true,
        json: stripeWebhooks.constructEvent(rawBody, signature, secret, SIGNATURE_TOLERANCE_SECONDS),
      };
    } catch (e) {
      if (e instanceof SyntaxError)
        return {
          ok: false,
          answer: problem("bad_json", "The signed body is not JSON."),
        };
      lastError = e instanceof Error ? e.message : String(e);
    }
  }
  return { ok: false, answer: problem("invalid_signature", lastError) };
}

export async function receiveStripeWebhook(
  prisma: PrismaClient,
  rawBody: string,
  signature: string | null,
  secrets: string[],
  stripe: Stripe | null = null,
): Promise<WebhookAnswer> {
  if (secrets.length === 0)
    return problem("stripe_not_configured", "Set STRIPE_WEBHOOK_SECRET (see .env.example).");
  if (Buffer.byteLength(rawBody) > MAX_EVENT_BYTES)
    return problem("payload_too_large", `Stripe events are far smaller than ${MAX_EVENT_BYTES} bytes.`);
  if (!signature) return problem("invalid_signature", "The Stripe-Signature header is missing.");
  const verified = verify(rawBody, signature, secrets);
  if (!verified.ok) return verified.answer;
  const parsed = envelope.safeParse(verified.json);
  if (!parsed.success)
    return problem(
      "not_a_stripe_event",
      parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    );
  const result = await processStripeEvent(prisma, parsed.data as unknown as StoredEvent, { stripe });
  if (result.outcome === "failed") {
    return problem(
      "webhook_failed",
      "The event was recorded as failed and will be applied when Stripe delivers it again.",
    );
  }
  return { status: 200, body: { received: true, ...result } };
}
