// Stripe-style cursor pages: `limit` items after the item `startingAfter` (an id) and `hasMore`.
// Two orders are served: a list's own order through Prisma's cursor (`pageArgs`, the order must end
// in the id so every row has one place), or newest first by (createdAt, id) — stable even when many
// rows share a millisecond — with the cursor resolved to that item's (createdAt, id) (`after`). An
// id the list does not hold is a 422 on `startingAfter` (never a silent first page, which would
// loop a client forever). One row more than asked for is read: it says whether more follow.
import { AppError } from "@/lib/errors/app-error";

export type PageRequest = { limit: number; startingAfter?: string };
export type Page<T> = { data: T[]; hasMore: boolean };
export type Cursor<Id> = { createdAt: Date; id: Id };

export function unknownCursor(): AppError {
  const message = "no item of this list has this id";
  return new AppError("validation_failed", `startingAfter: ${message}`, {
    errors: [{ path: "startingAfter", message }],
  });
}

/** findMany's arguments for a page in the list's own order (none: the whole list). */
export function pageArgs(page: PageRequest | undefined) {
  if (!page) return {};
  return {
    take: page.limit + 1,
    ...(page.startingAfter ? { cursor: { id: page.startingAfter }, skip: 1 } : {}),
  };
}

/** The where clause of the rows after the cursor in (createdAt desc, id desc) order. */
export function after<Id>(cursor: Cursor<Id> | null) {
  if (!cursor) return {};
  return {
    OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }],
  };
}

export const NEWEST_FIRST = [{ createdAt: "desc" as const }, { id: "desc" as const }];

/** `rows` read with `take: limit + 1`: the page (each row as `toJson` says), and whether another follows. */
export function toPage<T, U = T>(
  rows: T[],
  page: Pick<PageRequest, "limit">,
  toJson: (row: T) => U = (row) => row as unknown as U,
): Page<U> {
  return { data: rows.slice(0, page.limit).map(toJson), hasMore: rows.length > page.limit };
}
