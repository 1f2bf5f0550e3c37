// charge.dispute.created – flag the tenant for an administrator's review
import { idOf, type DisputeShape } from "@/lib/billing/stripe-shapes";
import type { HandlerContext } from "@/lib/billing/webhooks/context";
import { formatMinorCode } from "@/lib/money/format";

export async function handle(ctx: HandlerContext, dispute: DisputeShape): Promise<void> {
  const reason = `Stripe dispute ${dispute.id} on charge ${idOf(dispute.charge)}: ${dispute.reason}, ${formatMinorCode(dispute.amount, dispute.currency)}`;
  const tenant = await ctx.tx.tenant.findUniqueOrThrow({
    where: { id: ctx.tenantId },
    select: { flaggedForReview: true, flagReason: true },
  });
  if (tenant.flaggedForReview && tenant.flagReason === reason) return;
  await ctx.tx.tenant.update({
    where: { id: ctx.tenantId },
    data: { flaggedForReview: true, flagReason: reason },
  });
  await ctx.audit({
    action: "tenant.flag",
    targetType: "Tenant",
    targetId: ctx.tenantId,
    before: tenant,
    after: { flaggedForReview: true, flagReason: reason },
  });
}
