// Applying one verified Stripe event exactly once, whatever arrives at the same moment.
// Ordering is load-bearing:
//  1. link the customer when the event's metadata names a tenant without one, in a transaction
//     of its own — see "Why the link commits first" below;
//  2. in one transaction: take the customer's advisory lock (every event of one customer is
//     applied one at a time, so handlers never race each other), record the event
//     (INSERT … ON CONFLICT DO NOTHING by event id), lock its row and read its status — a second
//     delivery of the same event waits here and then finds it PROCESSED — run the handler, and
//     mark the row PROCESSED (or IGNORED / UNMATCHED). The mirror's writes commit with the status.
//  3. on a handler failure everything rolls back; the row is then written FAILED with the error
//     and the attempt count, and the caller answers 500 so Stripe delivers it again.
//  4. after a tenant matched: apply the customer's stored UNMATCHED events, oldest first.
// Why the link commits first: credit grants run in the ledger's own transaction, on a second
// connection, and their ledger row's foreign key takes a KEY SHARE lock on the tenant row. Setting
// Tenant.stripeCustomerId (a unique, hence key, column) inside the event's transaction would hold
// that row FOR UPDATE until the event commits, and the event waits for the grant: a deadlock across
// two connections that PostgreSQL cannot see (a first top-up would hang until the timeout). A link
// left behind by a failed handler is still true — it comes from our own signed metadata — and the
// redelivery finds it and applies the event once (tested in the webhook route's tests).
// Credit grants run in the ledger's own idempotent transaction (keyed by PaymentIntent): a retry
// after a failure replays them instead of granting twice.
import type Stripe from "stripe";

import { afterWrite } from "@/lib/alerts/after-write";
import { linkStripeCustomer } from "@/lib/billing/link-customer";
import { customerOf, resolveTenant } from "@/lib/billing/resolve-tenant";
import { idOf } from "@/lib/billing/stripe-shapes";
import { isHandled, runHandler } from "@/lib/billing/webhooks";
import { handlerContext, STRIPE_ACTOR, type StoredEvent } from "@/lib/billing/webhooks/context";
import { utc } from "@/lib/db/pool";
import { prismaRunner } from "@/lib/db/sql-runner";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { clearContextCache } from "@/lib/keys/key-context";

export type ProcessOutcome =
  | { outcome: "processed" | "ignored" | "unmatched"; tenantId: string | null }
  /** Already PROCESSED or IGNORED: nothing changed. */
  | { outcome: "duplicate"; status: string }
  | { outcome: "failed"; error: string };

type Options = {
  /** Re-apply an event already processed (replay); handlers are safe to repeat. */
  force?: boolean;
  /** With STRIPE_SECRET_KEY: finds the customer of a dispute, whose payload names only the charge. */
  stripe?: Stripe | null;
};

// Each event holds a connection for its transaction and the ledger may need a second one: a few
// at a time per process keeps a burst of deliveries from exhausting the pool.
const MAX_CONCURRENT = 3;
let running = 0;
const waiting: Array<() => void> = [];
async function withSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

const TX = { maxWait: 20_000, timeout: 60_000 } as const;

export async function processStripeEvent(
  prisma: PrismaClient,
  event: StoredEvent,
  opts: Options = {},
): Promise<ProcessOutcome> {
  const customerId = customerOf(event) ?? (await disputedCustomer(event, opts.stripe));
  const pre = await resolveTenant(prisma, event, customerId);
  if (pre.link && pre.tenantId && pre.customerId)
    await linkStripeCustomer(prisma, STRIPE_ACTOR, pre.tenantId, pre.customerId, event.id);
  const result = await withSlot(() => applyOnce(prisma, event, customerId, opts));
  if (result.outcome === "processed" && result.tenantId) {
    clearContextCache(); // the decision API reads what this wrote, now rather than within its 5 s cache
    if (customerId) await replayUnmatched(prisma, customerId);
  }
  return result;
}

/**
 * A dispute names its charge, not the customer: ask Stripe for the charge's customer, so a
 * dispute of a subscription payment finds its tenant too (a top-up's is also found by its
 * PaymentIntent). Without a key, or if Stripe does not answer, the ledger lookup is all there is.
 */
async function disputedCustomer(
  event: StoredEvent,
  stripe: Stripe | null | undefined,
): Promise<string | null> {
  const o = event.data.object;
  const chargeId = o.object === "dispute" ? idOf(o.charge as string | { id: string } | null) : null;
  if (!stripe || !chargeId) return null;
  try {
    return idOf((await stripe.charges.retrieve(chargeId)).customer);
  } catch (e) {
    console.error(
      `Stripe: could not read charge ${chargeId} of ${event.id}: ${e instanceof Error ? e.message : String(e)}`,
    );
    return null;
  }
}

async function applyOnce(
  prisma: PrismaClient,
  event: StoredEvent,
  customerId: string | null,
  opts: Options,
): Promise<ProcessOutcome> {
  try {
    return await prisma.$transaction(async (tx): Promise<ProcessOutcome> => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`stripe:${customerId ?? event.id}`}, 0))`;
      await tx.stripeEvent.createMany({
        data: [
          {
            id: event.id,
            type: event.type,
            created: new Date(event.created * 1000),
            livemode: event.livemode,
            payload: event as object,
            stripeCustomerId: customerId,
          },
        ],
        skipDuplicates: true,
      });
      const [row] = await tx.$queryRaw<
        Array<{ status: string; attempts: number }>
      >`SELECT status::text, attempts FROM "StripeEvent" WHERE id = ${event.id} FOR UPDATE`;
      if (!opts.force && (row!.status === "PROCESSED" || row!.status === "IGNORED"))
        return { outcome: "duplicate", status: row!.status };
      const finish = (status: "PROCESSED" | "IGNORED" | "UNMATCHED", tenantId: string | null) =>
        tx.stripeEvent.update({
          where: { id: event.id },
          data: { status, tenantId, attempts: { increment: 1 }, error: null, processedAt: new Date() },
        });

      if (!isHandled(event.type)) {
        await finish("IGNORED", null);
        return { outcome: "ignored", tenantId: null };
      }
      const { tenantId } = await resolveTenant(tx, event, customerId);
      if (!tenantId) {
        await finish("UNMATCHED", null);
        return { outcome: "unmatched", tenantId: null };
      }
      await runHandler(
        event.type,
        { ...handlerContext(tx, prisma, event, tenantId, customerId), stripe: opts.stripe },
        event.data.object,
      );
      // A Stripe event can change billing (subscription, card) and the balance (a top-up).
      await afterWrite(prismaRunner(tx), { tenantId, changed: ["billing", "balance"] });
      await finish("PROCESSED", tenantId);
      return { outcome: "processed", tenantId };
    }, TX);
  } catch (e) {
    const error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    await recordFailure(prisma, event, customerId, error.slice(0, 2000));
    return { outcome: "failed", error };
  }
}

/** The failed attempt, recorded even though its transaction (and the event's first insert) rolled back. */
async function recordFailure(
  prisma: PrismaClient,
  event: StoredEvent,
  customerId: string | null,
  error: string,
): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO "StripeEvent" (id, type, created, livemode, payload, "stripeCustomerId", status, attempts, error, "receivedAt")
    VALUES (${event.id}, ${event.type}, ${utc(new Date(event.created * 1000))}::timestamp, ${event.livemode}, ${JSON.stringify(event)}::jsonb,
            ${customerId}, 'FAILED', 1, ${error}, ${utc(new Date())}::timestamp)
    ON CONFLICT (id) DO UPDATE SET status = 'FAILED', attempts = "StripeEvent".attempts + 1, error = EXCLUDED.error
    WHERE "StripeEvent".status <> 'PROCESSED'`;
}

/** Applies a customer's stored UNMATCHED events in `created` order (after the customer was linked). */
export async function replayUnmatched(prisma: PrismaClient, customerId: string): Promise<ProcessOutcome[]> {
  const owner = await prisma.tenant.findUnique({
    where: { stripeCustomerId: customerId },
    select: { id: true },
  });
  if (!owner) return [];
  const pending = await prisma.stripeEvent.findMany({
    where: { stripeCustomerId: customerId, status: "UNMATCHED" },
    orderBy: [{ created: "asc" }, { id: "asc" }],
    select: { payload: true },
  });
  const results: ProcessOutcome[] = [];
  for (const { payload } of pending)
    results.push(await withSlot(() => applyOnce(prisma, payload as unknown as StoredEvent, customerId, {})));
  if (results.some((r) => r.outcome === "processed")) clearContextCache();
  return results;
}
