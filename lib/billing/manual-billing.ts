// Billing for tenants invoiced outside Stripe: an operator sets the subscription's status and
// period, and decide() reads it like any subscription (past_due starts the plan's grace, canceled
// refuses on a paid plan). One MANUAL row per tenant, written under the tenant's row lock.
import { z } from "zod";

import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { lockTenant } from "@/lib/db/lock-tenant";
import { tenantScope } from "@/lib/db/tenant-scope";
import { AppError } from "@/lib/errors/app-error";
import { SubscriptionStatus, type PrismaClient, type Subscription } from "@/lib/generated/prisma/client";
import { clearContextCache } from "@/lib/keys/key-context";
import { billingJson, loadTenant } from "@/lib/tenants/tenant-view";
import { isoDate } from "@/lib/validation/inputs";

export const manualBillingSchema = z.strictObject({
  mode: z.literal("manual", 'must be "manual" (Stripe subscriptions are set by Stripe\'s webhooks)'),
  status: z.enum(SubscriptionStatus),
  currentPeriodEnd: isoDate,
});

/** A Stripe subscription in these states no longer bills the tenant. */
const STRIPE_ENDED = new Set<string>(["canceled", "incomplete_expired"]);

const audited = (s: Subscription | null) =>
  s && { mode: s.mode, status: s.status, currentPeriodEnd: s.currentPeriodEnd, pastDueSince: s.pastDueSince };

export async function setManualBilling(
  prisma: PrismaClient,
  actor: AuditActor,
  tenantId: string,
  body: z.infer<typeof manualBillingSchema>,
  now = new Date(),
) {
  const billing = await prisma.$transaction(async (tx) => {
    await lockTenant(tx, tenantId);
    const tenant = await loadTenant(tx, tenantId);
    const subs = await tx.subscription.findMany({
      where: tenantScope(tenant.id),
      orderBy: { updatedAt: "desc" },
    });
    const stripe = subs.find((s) => s.mode === "STRIPE" && !STRIPE_ENDED.has(s.status));
    if (stripe)
      throw new AppError(
        "conflict",
        `This tenant is billed through Stripe (subscription ${stripe.stripeSubscriptionId ?? stripe.id} is ${stripe.status}). Cancel it in Stripe before billing manually.`,
      );
    const before = subs.find((s) => s.mode === "MANUAL") ?? null;
    // Grace counts from the first day past due, as for Stripe: a repeat of past_due keeps the date.
    const pastDueSince =
      body.status === "past_due"
        ? before?.status === "past_due" && before.pastDueSince
          ? before.pastDueSince
          : now
        : null;
    const canceledAt = body.status === "canceled" ? (before?.canceledAt ?? now) : null;
    const data = {
      mode: "MANUAL" as const,
      stripeSubscriptionId: null,
      status: body.status,
      planId: tenant.planId,
      currentPeriodEnd: body.currentPeriodEnd,
      pastDueSince,
      canceledAt,
    };
    const sub = before
      ? await tx.subscription.update({ where: { id: before.id }, data })
      : await tx.subscription.create({ data: { ...tenantScope(tenant.id), ...data } });
    await recordAudit(tx, actor, {
      action: "billing.manual",
      tenantId: tenant.id,
      targetType: "Subscription",
      targetId: sub.id,
      before: audited(before),
      after: audited(sub),
    });
    return billingJson(sub);
  });
  clearContextCache();
  return { tenantId, ...billing };
}
