// The Stripe events page's loader: one page of deliveries (newest first, by status), the
// customers whose events matched no tenant, and the tenants they could be linked to.
import "server-only";

import { unmatchedCustomers } from "@/lib/billing/unmatched-customers";
import { prisma } from "@/lib/db";
import type { StripeEventStatus } from "@/lib/generated/prisma/enums";

const PAGE = 50;

/** `before`: the receivedAt cursor of the last row shown (an unreadable one is ignored). */
export async function loadStripeEvents(q: { status?: StripeEventStatus; before?: string }) {
  const before = q.before ? new Date(q.before) : null;
  const [rows, unmatched, linkable] = await Promise.all([
    prisma.stripeEvent.findMany({
      where: {
        ...(q.status ? { status: q.status } : {}),
        ...(before && !Number.isNaN(before.getTime()) ? { receivedAt: { lt: before } } : {}),
      },
      orderBy: { receivedAt: "desc" },
      take: PAGE + 1,
      select: {
        id: true,
        type: true,
        created: true,
        status: true,
        attempts: true,
        error: true,
        receivedAt: true,
        tenantId: true,
        stripeCustomerId: true,
        tenant: { select: { name: true } },
      },
    }),
    unmatchedCustomers(prisma),
    prisma.tenant.findMany({
      where: { stripeCustomerId: null },
      orderBy: { name: "asc" },
      take: 500,
      select: { slug: true, name: true },
    }),
  ]);
  const page = rows.slice(0, PAGE);
  const next = rows.length > PAGE ? page[page.length - 1]!.receivedAt.toISOString() : null;
  return { page, next, unmatched, linkable };
}
