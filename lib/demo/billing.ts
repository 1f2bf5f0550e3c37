// The Stripe mirror of a demo tenant: subscription, cards and invoices that match its story.
import type { DemoTenant } from "@/lib/demo/accounts";
import { demoPlan } from "@/lib/demo/catalog";

const DAY_MS = 86_400_000;

export function demoBilling(t: DemoTenant, tenantId: string, now: Date) {
  const plan = demoPlan(t.plan);
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const sub = t.subscription;
  const subscription = sub && {
    id: `subrow_${t.slug}`, tenantId, stripeSubscriptionId: sub.manual ? null : `sub_demo_${t.slug.replace(/-/g, "_")}`,
    mode: sub.manual ? ("MANUAL" as const) : ("STRIPE" as const), status: sub.status, planId: plan.id, stripePriceId: sub.manual ? null : plan.stripePriceId,
    currentPeriodStart: ago(12), currentPeriodEnd: ago(-18), cancelAtPeriodEnd: false,
    canceledAt: sub.status === "canceled" ? ago(5) : null, trialEnd: sub.status === "trialing" ? ago(-9) : null,
    pastDueSince: sub.pastDueDays !== undefined ? ago(sub.pastDueDays) : null, stripeEventCreatedAt: sub.manual ? null : ago(sub.pastDueDays ?? 12),
    createdAt: ago(95), updatedAt: ago(sub.pastDueDays ?? 12),
  };

  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() + 1; // 1-12
  const expiry = {
    valid: { expMonth: 8, expYear: y + 2 },
    // Valid through the end of this month: within 30 days of expiring.
    expiring: { expMonth: m, expYear: y },
    expired: m === 1 ? { expMonth: 12, expYear: y - 1 } : { expMonth: m - 1, expYear: y },
  };
  const paymentMethods = t.card
    ? [{ id: `pmrow_${t.slug}`, tenantId, stripePaymentMethodId: `pm_demo_${t.slug.replace(/-/g, "_")}`, brand: t.slug.length % 2 ? "visa" : "mastercard",
        last4: String(4242 + t.slug.length * 111).slice(-4), ...expiry[t.card], isDefault: true, detachedAt: null, stripeEventCreatedAt: ago(95), createdAt: ago(95), updatedAt: ago(95) }]
    : [];

  const invoices = [];
  if (sub && !sub.manual) {
    const cents = plan.monthlyPrice / 10_000n;
    for (let i = 3; i >= 0; i--) {
      const periodStart = ago(12 + 30 * i);
      const unpaid = i === 0 && (sub.status === "past_due" || sub.status === "incomplete");
      if (i === 0 && sub.status === "trialing") continue;
      const n = 4 - i;
      invoices.push({
        id: `invrow_${t.slug}_${n}`, tenantId, stripeInvoiceId: `in_demo_${t.slug.replace(/-/g, "_")}_${n}`, stripeSubscriptionId: subscription!.stripeSubscriptionId,
        number: `${t.slug.slice(0, 4).toUpperCase()}-000${n}`, status: unpaid ? ("open" as const) : ("paid" as const), amountDue: cents,
        amountPaid: unpaid ? 0n : cents, amountRemaining: unpaid ? cents : 0n, currency: "usd",
        hostedInvoiceUrl: `https://invoice.stripe.com/i/acct_demo/${t.slug}-${n}`, periodStart, periodEnd: new Date(periodStart.getTime() + 30 * DAY_MS),
        dueDate: unpaid ? new Date(periodStart.getTime()) : null, paidAt: unpaid ? null : new Date(periodStart.getTime() + 3_600_000),
        stripeEventCreatedAt: periodStart, createdAt: periodStart, updatedAt: periodStart,
      });
    }
  }
  return { subscription, paymentMethods, invoices };
}
