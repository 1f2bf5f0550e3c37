// Stripe's `created` has a one-second resolution and its event ids are not ordered in time, so
// snapshots of one object from the same second need another order. Stripe says enough in most
// cases: a `*.created` (or a card's `payment_method.attached`) comes before anything else of its
// object; a `*.deleted`, a detach or a terminal state comes after; and an update's
// `data.previous_attributes` names the values it replaced, so update B follows snapshot A when
// every value B replaced is A's value at that path. The newest snapshot of a second is the one no
// other snapshot of that second follows; when that is not a single one, the order is unknown and
// the caller decides (reads the object from Stripe, or falls back to a state rank). Pure.

export type Snapshot = {
  /** The event id (evt_…). */
  id: string;
  /** The event type. */
  type: string;
  object: Record<string, unknown>;
  previousAttributes?: Record<string, unknown> | null;
  /** A state Stripe never leaves (a canceled subscription, a paid or void invoice). */
  terminal?: boolean;
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Deep equality of JSON values, with an absent field equal to null (Stripe sends null for "unset"). */
function sameValue(a: unknown, b: unknown): boolean {
  if ((a ?? null) === null || (b ?? null) === null) return (a ?? null) === (b ?? null);
  if (Array.isArray(a) || Array.isArray(b))
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]))
    );
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameValue(a[k], b[k]));
  }
  return a === b;
}

/** 0: first of its object, 1: an update, 2: last (deleted, detached, terminal). */
function phase(s: Snapshot): number {
  if (s.type.endsWith(".created") || s.type === "payment_method.attached") return 0;
  if (s.type.endsWith(".deleted") || s.type === "payment_method.detached" || s.terminal) return 2;
  return 1;
}

/**
 * Whether every value `previous` names equals the object's value at that path (nested hashes are
 * compared key by key, as Stripe sends only the keys that changed). Needs at least one value:
 * an empty previous_attributes proves nothing.
 */
function replacedFrom(previous: Record<string, unknown>, object: Record<string, unknown>): boolean {
  let compared = 0;
  const walk = (p: Record<string, unknown>, o: Record<string, unknown>): boolean =>
    Object.entries(p).every(([key, was]) => {
      const now = o[key];
      if (isRecord(was) && isRecord(now)) return walk(was, now);
      compared++;
      return sameValue(was, now);
    });
  return walk(previous, object) && compared > 0;
}

/** Whether `b` is known to come after `a` (two snapshots of one object from one second). */
export function follows(b: Snapshot, a: Snapshot): boolean {
  if (a.id === b.id) return false;
  const pa = phase(a);
  const pb = phase(b);
  if (pa !== pb) return pb > pa;
  return !!b.previousAttributes && replacedFrom(b.previousAttributes, a.object);
}

/**
 * `follows`, with a flip-flop settled by the snapshot before the second: when each of two updates
 * replaced the other's values (active → paused → active), the earlier is the one that replaced
 * the values the object had before the second.
 */
function after(b: Snapshot, a: Snapshot, before: Record<string, unknown> | null): boolean {
  if (!follows(b, a)) return false;
  if (!before || !follows(a, b)) return true;
  const from = (s: Snapshot) => !!s.previousAttributes && replacedFrom(s.previousAttributes, before);
  return from(a) && !from(b);
}

const sameSnapshot = (a: Snapshot, b: Snapshot) => phase(a) === phase(b) && sameValue(a.object, b.object);
const byId = (a: Snapshot, b: Snapshot) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function unique(snapshots: Snapshot[]): Snapshot[] {
  return [...new Map(snapshots.map((s) => [s.id, s])).values()];
}

/**
 * The snapshots no other one follows (smallest id first). Equal ones count once: their order
 * changes nothing. More than one (or none, a cycle) means Stripe's data does not order the second.
 */
export function newestCandidates(
  snapshots: Snapshot[],
  before: Record<string, unknown> | null = null,
): Snapshot[] {
  const all = unique(snapshots);
  const unfollowed = all.filter((s) => !all.some((t) => after(t, s, before))).sort(byId);
  return unfollowed.filter((s, i) => !unfollowed.slice(0, i).some((t) => sameSnapshot(t, s)));
}

/** The newest snapshot of one object's second, or null when Stripe's data does not order them. */
export function latestSnapshot(
  snapshots: Snapshot[],
  before: Record<string, unknown> | null = null,
): Snapshot | null {
  const candidates = newestCandidates(snapshots, before);
  return candidates.length === 1 ? candidates[0]! : null;
}

/**
 * The snapshots oldest first, peeled newest-first; where the order is unknown the smallest id is
 * taken as the newer (deterministic, and flagged), so a history read from it is at least stable.
 */
export function chronological(snapshots: Snapshot[]): { order: Snapshot[]; ambiguous: boolean } {
  let rest = unique(snapshots);
  const reversed: Snapshot[] = [];
  let ambiguous = false;
  while (rest.length > 0) {
    const candidates = newestCandidates(rest);
    if (candidates.length !== 1) ambiguous = true;
    const next = candidates[0] ?? [...rest].sort(byId)[0]!;
    reversed.push(next);
    rest = rest.filter((s) => s.id !== next.id);
  }
  return { order: reversed.reverse(), ambiguous };
}
