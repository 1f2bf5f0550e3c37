// Stripe-style cursor pages for the read API: newest first by (createdAt, id) — a stable order
// even when many rows share a millisecond — `limit` items and `hasMore`. The cursor is the id of
// the last item the caller saw (`startingAfter`), resolved to that item's (createdAt, id) within
// the same list; an id the list does not hold is a 422 on `startingAfter` (never a silent first
// page, which would loop a client forever).
import { invalidField } from "@/lib/validation/inputs";

export type PageRequest = { limit: number; startingAfter?: string };
export type Page<T> = { data: T[]; hasMore: boolean };
export type Cursor<Id> = { createdAt: Date; id: Id };

export function unknownCursor(): Error {
  return invalidField("startingAfter", "no item of this list has this id");
}

/** The where clause of the rows after the cursor in (createdAt desc, id desc) order. */
export function after<Id>(cursor: Cursor<Id> | null) {
  if (!cursor) return {};
  return {
    OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }],
  };
}

export const NEWEST_FIRST = [{ createdAt: "desc" as const }, { id: "desc" as const }];

/** `rows` read with `take: limit + 1`: the page, and whether there is another after it. */
export function pageOf<T, U>(rows: T[], limit: number, toJson: (row: T) => U): Page<U> {
  return { data: rows.slice(0, limit).map(toJson), hasMore: rows.length > limit };
}
