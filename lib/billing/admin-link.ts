// An administrator links a Stripe customer to a tenant (for the admin area's "link customer"
// action): the link, then the customer's stored UNMATCHED events applied in `created` order —
// Stripe will not deliver them again.
import type { AuditActor } from "@/lib/audit/record";
import { linkStripeCustomer, type LinkResult } from "@/lib/billing/link-customer";
import { replayUnmatched, type ProcessOutcome } from "@/lib/billing/process-event";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export async function linkCustomerAndReplay(
  prisma: PrismaClient,
  actor: AuditActor,
  tenantId: string,
  customerId: string,
): Promise<{ link: LinkResult; replayed: ProcessOutcome[] }> {
  const link = await linkStripeCustomer(prisma, actor, tenantId, customerId);
  const replayed =
    link.outcome === "linked" || link.outcome === "already_linked"
      ? await replayUnmatched(prisma, customerId)
      : [];
  return { link, replayed };
}
