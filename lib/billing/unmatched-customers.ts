// The admin page's "unmatched customers": Stripe customers whose events arrived before any tenant
// owned them, one group per customer (how many, which types, first and last `created`) — what an
// administrator needs to decide which tenant a customer belongs to before linking it.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

export type UnmatchedCustomer = {
  customerId: string;
  count: number;
  types: string[];
  firstCreated: Date;
  lastCreated: Date;
};

/** The customers with the most recent unmatched events first, at most `limit` of them. */
export async function unmatchedCustomers(
  prisma: PrismaClient | Prisma.TransactionClient,
  limit = 50,
): Promise<UnmatchedCustomer[]> {
  const where = { status: "UNMATCHED", stripeCustomerId: { not: null } } as const;
  const groups = await prisma.stripeEvent.groupBy({
    by: ["stripeCustomerId"],
    where,
    _count: { _all: true },
    _min: { created: true },
    _max: { created: true },
    orderBy: { _max: { created: "desc" } },
    take: limit,
  });
  const ids = groups.map((g) => g.stripeCustomerId!);
  const types = await prisma.stripeEvent.findMany({
    where: { ...where, stripeCustomerId: { in: ids } },
    distinct: ["stripeCustomerId", "type"],
    select: { stripeCustomerId: true, type: true },
    orderBy: { type: "asc" },
  });
  return groups.map((g) => ({
    customerId: g.stripeCustomerId!,
    count: g._count._all,
    firstCreated: g._min.created!,
    lastCreated: g._max.created!,
    types: types.filter((t) => t.stripeCustomerId === g.stripeCustomerId).map((t) => t.type),
  }));
}
