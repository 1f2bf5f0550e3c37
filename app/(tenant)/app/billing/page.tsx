import type { Metadata } from "next";

import { SimulateButton, StripeButton } from "@/components/billing/billing-actions";
import { CardExpiryBadge } from "@/components/billing/card-expiry-badge";
import { InvoiceStatusBadge } from "@/components/billing/invoice-status-badge";
import { Money } from "@/components/money";
import { PageHeader } from "@/components/page-header";
import { SubscriptionBadge } from "@/components/subscription-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import {
  Table,
  TableActionsCell,
  TableActionsHead,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { billingMode, getBillingPage } from "@/lib/billing/queries";
import { formatMicros, formatMinor } from "@/lib/money/format";
import { requireUser } from "@/lib/web/session";

export const metadata: Metadata = { title: "Billing" };

// /app/billing – plan and subscription, credit top-ups, cards and invoices; the anchors
// #plans, #top-up, #payment-methods and #invoices are where refusal remedies send people.
export default async function BillingPage() {
  const user = await requireUser({ area: "tenant" });
  const { tenant, subscription, cards, invoices, balance, plans } = await getBillingPage(user.tenantId);
  const mode = billingMode();
  const owner = user.role === "TENANT_OWNER";
  const now = new Date();
  const day = new Intl.DateTimeFormat("en-US", {
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: tenant.timeZone,
  });
  const graceEnds = subscription?.pastDueSince
    ? new Date(subscription.pastDueSince.getTime() + tenant.plan.pastDueGraceDays * 86_400_000)
    : null;

  return (
    <>
      <PageHeader
        title="Billing"
        description={tenant.name}
        actions={
          owner && mode === "stripe" ? (
            <StripeButton label="Manage in Stripe" path="/api/billing/portal" variant="default" />
          ) : null
        }
      />
      {mode !== "stripe" ? (
        <div
          role="status"
          className="mb-6 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900"
        >
          <p className="font-medium">Billing is not configured.</p>
          <p>
            {mode === "demo"
              ? "This is the demo: no STRIPE_SECRET_KEY is set, so payments are simulated. “Simulate payment” sends a signed checkout.session.completed event to this app's own Stripe webhook, which applies it like a real one."
              : "Set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET to take payments (see the README's Stripe section)."}
          </p>
        </div>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-2">
        <Card id="plans">
          <CardHeader>
            <CardTitle>Plan</CardTitle>
          </CardHeader>
          <CardContent className="space-y-3 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <span className="text-2xl font-semibold">{tenant.plan.name}</span>
              <span className="text-muted-foreground">{formatMicros(tenant.plan.monthlyPrice)} / month</span>
              <SubscriptionBadge status={subscription?.status} />
              {subscription?.cancelAtPeriodEnd ? <Badge tone="warn">Cancels at period end</Badge> : null}
            </div>
            {subscription?.currentPeriodEnd ? (
              <p className="text-muted-foreground">
                Current period ends {day.format(subscription.currentPeriodEnd)}
                {subscription.mode === "MANUAL" ? " · invoiced outside Stripe" : ""}
              </p>
            ) : null}
            {subscription?.status === "past_due" && graceEnds ? (
              <p className="text-amber-800">
                Past due since {day.format(subscription.pastDueSince!)}; calls are refused after{" "}
                {day.format(graceEnds)} unless the open invoice is paid.
              </p>
            ) : null}
            {owner && mode === "stripe" && plans.length > 0 ? (
              <div className="flex flex-wrap gap-2 pt-1">
                {plans
                  .filter((p) => p.id !== tenant.planId || subscription?.status === "canceled")
                  .map((p) => (
                    <StripeButton
                      key={p.id}
                      label={`Subscribe to ${p.name} (${formatMicros(p.monthlyPrice)}/mo)`}
                      path="/api/billing/checkout"
                      body={{ kind: "subscription", planKey: p.key }}
                    />
                  ))}
              </div>
            ) : null}
          </CardContent>
        </Card>

        <Card id="top-up">
          <CardHeader>
            <CardTitle>Credits</CardTitle>
          </CardHeader>
          <CardContent className="space-y-3 text-sm">
            <p className="text-2xl font-semibold" data-testid="billing-available">
              <Money micros={balance.available} />
            </p>
            <p className="text-muted-foreground">
              <Money micros={balance.reserved} /> reserved for calls in flight
            </p>
            {tenant.plan.topUpAmounts.length === 0 ? (
              <p className="text-muted-foreground">The {tenant.plan.name} plan offers no top-ups.</p>
            ) : null}
            {owner && mode !== "off" ? (
              <div className="flex flex-wrap gap-2">
                {tenant.plan.topUpAmounts.map((amount) =>
                  mode === "stripe" ? (
                    <StripeButton
                      key={amount.toString()}
                      label={`Top up ${formatMicros(amount)}`}
                      path="/api/billing/checkout"
                      body={{ kind: "top_up", amount: amount.toString() }}
                    />
                  ) : (
                    <SimulateButton
                      key={amount.toString()}
                      label={`Simulate payment of ${formatMicros(amount)}`}
                      amount={amount.toString()}
                    />
                  ),
                )}
              </div>
            ) : null}
            {!owner ? <p className="text-muted-foreground">Only the account owner can top up.</p> : null}
          </CardContent>
        </Card>
      </div>

      <section id="payment-methods" className="mt-8 space-y-3">
        <h2 className="text-lg font-semibold">Payment methods</h2>
        {cards.length === 0 ? (
          <EmptyState
            action={
              owner && mode === "stripe" ? (
                <StripeButton label="Add a card in Stripe" path="/api/billing/portal" />
              ) : undefined
            }
          >
            No card on file.
            {tenant.plan.requiresPaymentMethod
              ? ` The ${tenant.plan.name} plan needs one before calls go through.`
              : ""}
          </EmptyState>
        ) : (
          <Table label="Payment methods">
            <TableHeader>
              <TableRow>
                <TableHead>Card</TableHead>
                <TableHead>Expiry</TableHead>
                <TableHead>Default</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {cards.map((c) => (
                <TableRow key={c.id}>
                  <TableCell className="capitalize">
                    {c.brand} •••• {c.last4}
                  </TableCell>
                  <TableCell>
                    <CardExpiryBadge card={c} now={now} />
                  </TableCell>
                  <TableCell>
                    {c.isDefault ? (
                      <Badge tone="ok">Default</Badge>
                    ) : (
                      <span className="text-muted-foreground">—</span>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {owner && mode === "stripe" && cards.length > 0 ? (
          <StripeButton label="Update cards in Stripe" path="/api/billing/portal" />
        ) : null}
      </section>

      <section id="invoices" className="mt-8 space-y-3">
        <h2 className="text-lg font-semibold">Invoices</h2>
        {invoices.length === 0 ? (
          <EmptyState>
            No invoices yet. Stripe&rsquo;s invoices for the subscription appear here once issued.
          </EmptyState>
        ) : (
          <Table variant="cards" label="Invoices">
            <TableHeader>
              <TableRow>
                <TableHead>Number</TableHead>
                <TableHead>Status</TableHead>
                <TableHead numeric>Amount</TableHead>
                <TableHead numeric>Remaining</TableHead>
                <TableHead>Date</TableHead>
                <TableActionsHead />
              </TableRow>
            </TableHeader>
            <TableBody>
              {invoices.map((inv) => (
                <TableRow key={inv.id}>
                  <TableCell>{inv.number ?? inv.stripeInvoiceId}</TableCell>
                  <TableCell label="Status">
                    <InvoiceStatusBadge status={inv.status} />
                  </TableCell>
                  <TableCell numeric label="Amount">
                    {formatMinor(inv.amountDue, inv.currency)}
                  </TableCell>
                  <TableCell numeric label="Remaining">
                    {formatMinor(inv.amountRemaining, inv.currency)}
                  </TableCell>
                  <TableCell label="Date" title={inv.createdAt.toISOString()}>
                    {day.format(inv.createdAt)}
                  </TableCell>
                  <TableActionsCell>
                    {inv.hostedInvoiceUrl ? (
                      <a
                        className="text-primary underline-offset-2 hover:underline"
                        href={inv.hostedInvoiceUrl}
                        target="_blank"
                        rel="noreferrer"
                      >
                        {inv.status === "open" ? "Pay" : "View"}
                      </a>
                    ) : null}
                  </TableActionsCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </>
  );
}
