// Linking a Stripe customer to a tenant: by an event's metadata (a customer created by our own
// Checkout) or by an administrator. Stripe will not redeliver events that arrived while the
// customer was unknown, so after linking, the stored UNMATCHED events of that customer are
// applied in `created` order (processStripeEvent, each under the customer's lock).
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type LinkResult =
  | { outcome: "linked" | "already_linked" }
  | { outcome: "customer_taken"; tenantId: string }
  | { outcome: "tenant_has_other_customer"; customerId: string };

export async function linkStripeCustomer(
  prisma: PrismaClient,
  actor: AuditActor,
  tenantId: string,
  customerId: string,
  causeId?: string,
): Promise<LinkResult> {
  try {
    return await attempt(prisma, actor, tenantId, customerId, causeId);
  } catch (e) {
    // Two deliveries linking the same customer at once: the unique index refuses the second, which then reads the winner's link.
    if ((e as { code?: string }).code !== "P2002") throw e;
    return attempt(prisma, actor, tenantId, customerId, causeId);
  }
}

function attempt(
  prisma: PrismaClient,
  actor: AuditActor,
  tenantId: string,
  customerId: string,
  causeId?: string,
): Promise<LinkResult> {
  return prisma.$transaction(async (tx): Promise<LinkResult> => {
    const taken = await tx.tenant.findUnique({
      where: { stripeCustomerId: customerId },
      select: { id: true },
    });
    if (taken)
      return taken.id === tenantId
        ? { outcome: "already_linked" }
        : { outcome: "customer_taken", tenantId: taken.id };
    const tenant = await tx.tenant.findUniqueOrThrow({
      where: { id: tenantId },
      select: { stripeCustomerId: true },
    });
    if (tenant.stripeCustomerId)
      return { outcome: "tenant_has_other_customer", customerId: tenant.stripeCustomerId };
    const moved = await tx.tenant.updateMany({
      where: { id: tenantId, stripeCustomerId: null },
      data: { stripeCustomerId: customerId },
    });
    if (moved.count === 0) return { outcome: "already_linked" };
    await recordAudit(tx, actor, {
      action: "tenant.stripe_link",
      tenantId,
      targetType: "Tenant",
      targetId: tenantId,
      before: { stripeCustomerId: null },
      after: { stripeCustomerId: customerId },
      causeId,
    });
    return { outcome: "linked" };
  });
}
