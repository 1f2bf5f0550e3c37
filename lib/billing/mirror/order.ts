// The out-of-order guard shared by every mirrored object. A row remembers the `created` of the
// event it was last written from; an event may overwrite it only when it is at least as new, and
// at the same second only when the object's own state has not gone backwards (rank). Terminal
// states (a deleted subscription, a paid or void invoice, a detached card) are never left for another, however
// new the event: Stripe cannot resurrect those objects, so a later-looking event saying otherwise
// is a stale snapshot.
export function mayOverwrite<S extends string>(
  stored: { at: Date | null; state: S } | null,
  incoming: { at: Date; state: S },
  rank: Record<S, number>,
  terminal: ReadonlySet<S>,
): boolean {
  if (!stored) return true;
  if (terminal.has(stored.state) && incoming.state !== stored.state) return false;
  if (!stored.at) return true;
  const diff = incoming.at.getTime() - stored.at.getTime();
  if (diff !== 0) return diff > 0;
  return rank[incoming.state] >= rank[stored.state];
}
