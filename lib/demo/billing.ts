// The Stripe mirror of a demo tenant: subscription, cards and invoices that match its story and
// its timeline (a past-due subscription's open invoice is the renewal that failed on the day it
// turned past due; a trial has no invoices yet; a MANUAL subscription has none in Stripe).
import type { DemoTenant } from "@/lib/demo/accounts";
import { demoPlan } from "@/lib/demo/catalog";
import type { Timeline } from "@/lib/demo/timeline";

const DAY_MS = 86_400_000;
const tag = (slug: string) => slug.replace(/-/g, "_");

export function demoBilling(t: DemoTenant, tenantId: string, tl: Timeline) {
  const plan = demoPlan(t.plan);
  const sub = t.subscription;
  const lastChange = new Date(
    Math.max(
      ...[tl.periodStart, tl.pastDueSince, tl.canceledAt].filter((d) => d !== null).map((d) => d.getTime()),
    ),
  );
  const subscription = sub && {
    id: `subrow_${t.slug}`,
    tenantId,
    stripeSubscriptionId: sub.manual ? null : `sub_demo_${tag(t.slug)}`,
    mode: sub.manual ? ("MANUAL" as const) : ("STRIPE" as const),
    status: sub.status,
    planId: plan.id,
    stripePriceId: sub.manual ? null : plan.stripePriceId,
    currentPeriodStart: tl.periodStart,
    currentPeriodEnd: tl.periodEnd,
    cancelAtPeriodEnd: false,
    canceledAt: tl.canceledAt,
    trialEnd: tl.trialEnd,
    pastDueSince: tl.pastDueSince,
    stripeEventCreatedAt: sub.manual ? null : lastChange,
    createdAt: tl.signedUpAt,
    updatedAt: lastChange,
  };

  const paymentMethods = tl.card
    ? [
        {
          id: `pmrow_${t.slug}`,
          tenantId,
          stripePaymentMethodId: `pm_demo_${tag(t.slug)}`,
          brand: t.slug.length % 2 ? "visa" : "mastercard",
          last4: String(4242 + t.slug.length * 111).slice(-4),
          expMonth: tl.card.expMonth,
          expYear: tl.card.expYear,
          isDefault: tl.card.detachedAt === null,
          detachedAt: tl.card.detachedAt,
          stripeEventCreatedAt: tl.card.detachedAt ?? tl.signedUpAt,
          createdAt: tl.signedUpAt,
          updatedAt: tl.card.detachedAt ?? tl.signedUpAt,
        },
      ]
    : [];

  // One invoice per 30-day period since sign-up (at most four), oldest first; the current one
  // stays open when the subscription is past due or its first payment is incomplete.
  const invoices = [];
  if (sub && !sub.manual && sub.status !== "trialing") {
    const cents = plan.monthlyPrice / 10_000n;
    const starts: Date[] = [];
    for (let i = 0; i < 4; i++) {
      const start = new Date(tl.periodStart.getTime() - i * 30 * DAY_MS);
      if (start < tl.signedUpAt) break;
      starts.unshift(start);
    }
    for (const [i, periodStart] of starts.entries()) {
      const n = i + 1;
      const unpaid = n === starts.length && (sub.status === "past_due" || sub.status === "incomplete");
      invoices.push({
        id: `invrow_${t.slug}_${n}`,
        tenantId,
        stripeInvoiceId: `in_demo_${tag(t.slug)}_${n}`,
        stripeSubscriptionId: subscription!.stripeSubscriptionId,
        number: `${t.slug.slice(0, 4).toUpperCase()}-000${n}`,
        status: unpaid ? ("open" as const) : ("paid" as const),
        amountDue: cents,
        amountPaid: unpaid ? 0n : cents,
        amountRemaining: unpaid ? cents : 0n,
        currency: "usd",
        hostedInvoiceUrl: `https://invoice.stripe.com/i/acct_demo/${t.slug}-${n}`,
        periodStart,
        periodEnd: new Date(periodStart.getTime() + 30 * DAY_MS),
        dueDate: unpaid ? periodStart : null,
        paidAt: unpaid ? null : new Date(periodStart.getTime() + 3_600_000),
        stripeEventCreatedAt: periodStart,
        createdAt: periodStart,
        updatedAt: periodStart,
      });
    }
  }
  const openInvoiceUrl = invoices.find((i) => i.status === "open")?.hostedInvoiceUrl ?? null;
  return { subscription, paymentMethods, invoices, openInvoiceUrl };
}
