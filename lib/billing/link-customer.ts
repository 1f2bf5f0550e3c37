// Linking a Stripe customer to a tenant: by an event's metadata (a customer created by our own
// Checkout) or by an administrator. Stripe will not redeliver events that arrived while the
// customer was unknown, so after linking, the stored UNMATCHED events of that customer are
// applied in `created` order (processStripeEvent, each under the customer's lock).
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

export type LinkResult = { outcome: "linked" | "already_linked" } | { outcome: "customer_taken"; tenantId: string } | { outcome: "tenant_has_other_customer"; customerId: string };

/**
 * The customer's advisory lock, the one every event of that customer is applied under: an
 * administrator's link and a webhook's link of the same customer therefore never interleave.
 */
export async function lockCustomer(tx: Prisma.TransactionClient, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`stripe:${key}`}, 0))`;
}

/** An administrator's link, in its own transaction (a webhook links inside its event's transaction: linkInTransaction). */
export async function linkStripeCustomer(prisma: PrismaClient, actor: AuditActor, tenantId: string, customerId: string, causeId?: string): Promise<LinkResult> {
  const attempt = () => prisma.$transaction(async (tx) => {
    await lockCustomer(tx, customerId);
    return linkInTransaction(tx, actor, tenantId, customerId, causeId);
  });
  try {
    return await attempt();
  } catch (e) {
    // Two tenants' links racing for one tenant row's unique index: the second reads the winner's link.
    if ((e as { code?: string }).code !== "P2002") throw e;
    return attempt();
  }
}

/** The link and its audit row, in the caller's transaction: they commit with it or not at all. */
export async function linkInTransaction(tx: Prisma.TransactionClient, actor: AuditActor, tenantId: string, customerId: string, causeId?: string): Promise<LinkResult> {
  const taken = await tx.tenant.findUnique({ where: { stripeCustomerId: customerId }, select: { id: true } });
  if (taken) return taken.id === tenantId ? { outcome: "already_linked" } : { outcome: "customer_taken", tenantId: taken.id };
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { stripeCustomerId: true } });
  if (tenant.stripeCustomerId) return { outcome: "tenant_has_other_customer", customerId: tenant.stripeCustomerId };
  const moved = await tx.tenant.updateMany({ where: { id: tenantId, stripeCustomerId: null }, data: { stripeCustomerId: customerId } });
  if (moved.count === 0) return { outcome: "already_linked" };
  await recordAudit(tx, actor, { action: "tenant.stripe_link", tenantId, targetType: "Tenant", targetId: tenantId, before: { stripeCustomerId: null }, after: { stripeCustomerId: customerId }, causeId });
  return { outcome: "linked" };
}
