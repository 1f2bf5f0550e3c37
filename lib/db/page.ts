// Stripe-style cursor pages over Prisma: `limit` rows after the row `startingAfter` (an id) in the
// list's own order, which must end in the id so that every row has one place. One row more than
// asked for is read: it says whether more follow, and is not returned.
export type PageRequest = { limit: number; startingAfter?: string };
export type Page<T> = { data: T[]; hasMore: boolean };

/** findMany's arguments for a page (none: the whole list). The cursor must be a row of the same `where`. */
export function pageArgs(page: PageRequest | undefined) {
  if (!page) return {};
  return {
    take: page.limit + 1,
    ...(page.startingAfter ? { cursor: { id: page.startingAfter }, skip: 1 } : {}),
  };
}

export function toPage<T>(rows: T[], page: PageRequest): Page<T> {
  return { data: rows.slice(0, page.limit), hasMore: rows.length > page.limit };
}
