// Re-applying one Stripe event by id (npm run stripe:replay, or an admin's "replay" button): the
// stored payload when Tollgate has it, otherwise — with STRIPE_SECRET_KEY — the event fetched from
// Stripe (its last 30 days). Safe to repeat: handlers are order-guarded and grants idempotent.
import type Stripe from "stripe";

import { processStripeEvent, type ProcessOutcome } from "@/lib/billing/process-event";
import type { StoredEvent } from "@/lib/billing/webhooks/context";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type ReplayResult = { source: "stored" | "stripe"; result: ProcessOutcome } | { source: "none" };

export async function replayStripeEvent(
  prisma: PrismaClient,
  stripe: Stripe | null,
  eventId: string,
): Promise<ReplayResult> {
  const row = await prisma.stripeEvent.findUnique({ where: { id: eventId }, select: { payload: true } });
  if (row)
    return {
      source: "stored",
      result: await processStripeEvent(prisma, row.payload as unknown as StoredEvent, {
        force: true,
        stripe,
      }),
    };
  if (!stripe) return { source: "none" };
  const fetched = await stripe.events.retrieve(eventId).catch((e: { statusCode?: number }) => {
    if (e.statusCode === 404) return null;
    throw e;
  });
  if (!fetched) return { source: "none" };
  return {
    source: "stripe",
    result: await processStripeEvent(prisma, fetched as unknown as StoredEvent, { force: true, stripe }),
  };
}
