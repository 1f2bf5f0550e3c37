// Which snapshot of one object a mirrored row holds when events share a `created` second: the I/O
// around the pure same-second.ts. The second's snapshots are read back from the StripeEvent table
// (every delivered event is recorded there, with its payload, before its handler runs), so the
// answer does not depend on which of them arrived first. Where Stripe's data does not order them
// and a Stripe client is available, the object is read from the API once and kept in
// StripeObjectRead: it stands as the newest snapshot of that second for every later arrival.
// Without a client the caller's deterministic fallback (a state rank) decides.
import type Stripe from "stripe";

import { latestSnapshot, newestCandidates, type Snapshot } from "@/lib/billing/mirror/same-second";
import type { HandlerContext } from "@/lib/billing/webhooks/context";
import { utc } from "@/lib/db/pool";
import { Prisma } from "@/lib/generated/prisma/client";

export type ObjectKind = "customer" | "subscription" | "invoice" | "payment_method";

const TYPE_PATTERN: Record<ObjectKind, string> = {
  customer: "customer.%",
  subscription: "customer.subscription.%",
  invoice: "invoice.%",
  payment_method: "payment_method.%",
};

/** Whether a row's stored source id names a Stripe event; any other value names a read of the API. */
export const isEventId = (id: string) => id.startsWith("evt_");

/** The source id a row written from a same-second API read stores (the event whose handling read it). */
export const apiReadId = (eventId: string) => `api_read:${eventId}`;

export type Newest<T> =
  | { from: "event"; snapshot: Snapshot }
  /** readBy: the event whose handling read it. */
  | { from: "api"; object: T; readBy: string }
  /** Stripe's data does not order the second and there is no client: the caller picks among these. */
  | { from: "unknown"; candidates: Snapshot[] };

type Query<T> = {
  kind: ObjectKind;
  objectId: string;
  at: Date;
  /** Whether an object is in a state Stripe never leaves. */
  terminal?: (object: Record<string, unknown>) => boolean;
  retrieve: (stripe: Stripe) => Promise<T>;
};

type Row = {
  id: string;
  type: string;
  object: Record<string, unknown>;
  previous: Record<string, unknown> | null;
};

export async function newestSnapshot<T>(ctx: HandlerContext, q: Query<T>): Promise<Newest<T>> {
  const read = await ctx.tx.stripeObjectRead.findUnique({
    where: { objectId_created: { objectId: q.objectId, created: q.at } },
  });
  if (read) return { from: "api", object: read.payload as T, readBy: read.eventId };
  const snapshot = (r: Row): Snapshot => ({
    id: r.id,
    type: r.type,
    object: r.object,
    previousAttributes: r.previous,
    terminal: q.terminal?.(r.object) ?? false,
  });
  const snapshots = (await eventsOf(ctx, q, "=")).map(snapshot);
  const latest = latestSnapshot(snapshots);
  if (latest) return { from: "event", snapshot: latest };
  // A flip-flop (each update replaced the other's values) is ordered by the object's state before the second.
  const earlier = (await eventsOf(ctx, q, "<")).map(snapshot);
  const before = earlier.length > 0 ? latestSnapshot(earlier) : null;
  const candidates = newestCandidates(snapshots, before?.object ?? null);
  if (candidates.length === 1) return { from: "event", snapshot: candidates[0]! };
  if (!ctx.stripe) return { from: "unknown", candidates: candidates.length > 0 ? candidates : snapshots };
  // A failed read fails the event (Stripe delivers it again) rather than guessing for good.
  const object = await q.retrieve(ctx.stripe);
  const payload = JSON.parse(JSON.stringify(object)) as object;
  await ctx.tx.stripeObjectRead.createMany({
    data: [{ objectId: q.objectId, created: q.at, payload, eventId: ctx.event.id }],
    skipDuplicates: true,
  });
  return { from: "api", object: payload as T, readBy: ctx.event.id };
}

/**
 * The object's recorded snapshots of the second (`=`), or of the newest earlier second (`<`).
 * IGNORED types are left out: a snapshot no handler applies must not win the second. A detached
 * card's event may name no customer, so those are looked at too.
 */
async function eventsOf<T>(ctx: HandlerContext, q: Query<T>, op: "=" | "<"): Promise<Row[]> {
  const at = utc(q.at);
  const inSecond =
    op === "="
      ? Prisma.sql`created = ${at}::timestamp`
      : Prisma.sql`created = (SELECT max(created) FROM "StripeEvent" WHERE ${scope(ctx, q)} AND created < ${at}::timestamp)`;
  return ctx.tx.$queryRaw<Row[]>`
    SELECT id, type, payload->'data'->'object' AS object, payload->'data'->'previous_attributes' AS previous
    FROM "StripeEvent" WHERE ${scope(ctx, q)} AND ${inSecond}`;
}

function scope<T>(ctx: HandlerContext, q: Query<T>): Prisma.Sql {
  return Prisma.sql`("stripeCustomerId" = ${ctx.customerId} OR "stripeCustomerId" IS NULL OR ${ctx.customerId}::text IS NULL)
    AND status <> 'IGNORED' AND type LIKE ${TYPE_PATTERN[q.kind]} AND payload->'data'->'object'->>'id' = ${q.objectId}`;
}
