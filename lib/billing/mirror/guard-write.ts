// The out-of-order guard every mirrored row is written through. Across seconds, and for writes
// dated other than their event, mayOverwrite (order.ts) decides. At the same second the row holds
// the newest snapshot of that second, ordered by what Stripe tells (newest-snapshot.ts) among ALL
// the second's recorded events, not just the stored one and the newcomer: a row written while an
// event in the middle of a chain was still missing is put right when that event arrives, so the
// row depends on the set of events, never on their arrival order. An unordered second is settled
// by one API read when a Stripe client is available; without one, by the highest state rank among
// the unordered snapshots, then the smallest event id (deterministic, documented in the README).
import type Stripe from "stripe";

import { apiReadId, isEventId, newestSnapshot, type ObjectKind } from "@/lib/billing/mirror/newest-snapshot";
import { mayOverwrite } from "@/lib/billing/mirror/order";
import type { HandlerContext } from "@/lib/billing/webhooks/context";

export type GuardSpec<S extends string, T> = {
  kind: ObjectKind;
  rank: Record<S, number>;
  terminal: ReadonlySet<S>;
  /** The state of a snapshot's object (an event's or the API's). */
  stateOf(object: T): S;
  retrieve(stripe: Stripe, id: string): Promise<T>;
};

export type Stored<S extends string> = { at: Date | null; eventId: string | null; state: S } | null;

/** write: the snapshot the row must hold now (the incoming event's, another event's of its second, or the API's). */
export type Verdict<S, T> = { write: false } | { write: true; object: T; state: S; sourceId: string };

export async function guardWrite<S extends string, T>(
  ctx: HandlerContext,
  spec: GuardSpec<S, T>,
  incoming: { id: string; object: T; state: S },
  stored: Stored<S>,
): Promise<Verdict<S, T>> {
  const own: Verdict<S, T> = {
    write: true,
    object: incoming.object,
    state: incoming.state,
    sourceId: ctx.event.id,
  };
  const keep: Verdict<S, T> = { write: false };
  // A write dated other than its event (a card detached at its customer's deletion) has no
  // snapshot of that second to be ordered among: the rank decides, as before.
  const derived = ctx.at.getTime() !== ctx.event.created * 1000;
  if (!stored?.at || stored.at.getTime() !== ctx.at.getTime() || derived)
    return mayOverwrite(stored, { at: ctx.at, state: incoming.state }, spec.rank, spec.terminal) ? own : keep;
  // An API read (a reconcile, a same-second tie) is at least as new as every event of its second.
  if (!isEventId(ctx.event.id)) return own;
  if (stored.eventId && !isEventId(stored.eventId)) return keep;
  const newest = await newestSnapshot(ctx, {
    kind: spec.kind,
    objectId: incoming.id,
    at: ctx.at,
    terminal: (o) => spec.terminal.has(spec.stateOf(o as T)),
    retrieve: (stripe) => spec.retrieve(stripe, incoming.id),
  });
  let target: Verdict<S, T> & { write: true };
  if (newest.from === "api") {
    target = {
      write: true,
      object: newest.object,
      state: spec.stateOf(newest.object),
      sourceId: apiReadId(newest.readBy),
    };
  } else {
    // Sound: the second's snapshots are this object's events, whose payloads the handlers accept.
    const pick =
      newest.from === "event"
        ? newest.snapshot
        : [...newest.candidates].sort(
            (a, b) => spec.rank[spec.stateOf(b.object as T)] - spec.rank[spec.stateOf(a.object as T)],
          )[0]!;
    target =
      pick.id === ctx.event.id
        ? own
        : { write: true, object: pick.object as T, state: spec.stateOf(pick.object as T), sourceId: pick.id };
  }
  if (spec.terminal.has(stored.state) && target.state !== stored.state) return keep;
  if (target.sourceId === stored.eventId && target.sourceId !== ctx.event.id) return keep;
  return target;
}
