// The lower sections of the admin tenant page: plain server components over loaded rows.
import { AlertEventBadge } from "@/components/alerts/alert-event-badge";
import { RuleStateBadge } from "@/components/alerts/rule-state-badge";
import { AuditTable } from "@/components/audit/audit-table";
import { CardExpiryBadge } from "@/components/billing/card-expiry-badge";
import { InvoiceStatusBadge } from "@/components/billing/invoice-status-badge";
import { KeysTable } from "@/components/dashboard/keys-table";
import { LocalTime } from "@/components/dashboard/local-time";
import { Money } from "@/components/money";
import { SubscriptionBadge } from "@/components/subscription-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { formatMinor } from "@/lib/money/format";
import type { TenantDetail } from "@/lib/tenants/tenant-detail";

import { approveKeyAction, createKeyAction, revokeKeyAction } from "./actions";

export function KeysSection({
  tenantId,
  keys,
  timeZone,
}: {
  tenantId: string;
  keys: TenantDetail["tenant"]["apiKeys"];
  timeZone: string;
}) {
  return (
    <KeysTable
      keys={keys}
      timeZone={timeZone}
      allowApprovalChoice
      create={createKeyAction.bind(null, tenantId)}
      approve={approveKeyAction.bind(null, tenantId)}
      revoke={revokeKeyAction.bind(null, tenantId)}
    />
  );
}

export function LedgerSection({ entries, timeZone }: { entries: TenantDetail["ledger"]; timeZone: string }) {
  if (entries.length === 0)
    return <EmptyState>No ledger entries yet. A grant or a top-up adds the first.</EmptyState>;
  return (
    <Table variant="cards" label="Ledger" data-testid="ledger-table">
      <TableCaption>Latest ledger entries (reservations and releases hidden)</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>Time ({timeZone})</TableHead>
          <TableHead>Kind</TableHead>
          <TableHead hideBelow="sm">Reason</TableHead>
          <TableHead numeric>Amount</TableHead>
          <TableHead numeric>Balance after</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((e) => (
          <TableRow key={e.id.toString()}>
            <TableCell className="text-xs">
              <LocalTime at={e.createdAt} timeZone={timeZone} />
            </TableCell>
            <TableCell>
              <Badge tone={e.amount >= 0n ? "ok" : "muted"}>{e.kind.toLowerCase()}</Badge>
            </TableCell>
            <TableCell
              hideBelow="sm"
              className="max-w-xs truncate text-xs text-muted-foreground"
              title={e.reason ?? undefined}
            >
              {e.reason ?? "—"}
            </TableCell>
            <TableCell numeric label="Amount">
              <Money micros={e.amount} />
            </TableCell>
            <TableCell numeric label="Balance after">
              <Money micros={e.balanceAfter} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function BillingSection({ tenant, now }: { tenant: TenantDetail["tenant"]; now: Date }) {
  const sub = tenant.subscriptions[0];
  const tz = tenant.timeZone;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card>
        <CardContent className="grid gap-2 pt-4 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            Subscription <SubscriptionBadge status={sub?.status} />
            {sub ? (
              <Badge tone="muted">{sub.mode === "MANUAL" ? "Invoiced manually" : "Stripe"}</Badge>
            ) : null}
          </div>
          {sub?.currentPeriodEnd ? (
            <p className="text-muted-foreground">
              Current period ends <LocalTime at={sub.currentPeriodEnd} timeZone={tz} />
              {sub.cancelAtPeriodEnd ? " (cancels then)" : ""}
            </p>
          ) : null}
          {sub?.pastDueSince ? (
            <p className="text-amber-800">
              Past due since <LocalTime at={sub.pastDueSince} timeZone={tz} />; grace{" "}
              {tenant.plan.pastDueGraceDays} days
            </p>
          ) : null}
          {sub?.trialEnd ? (
            <p className="text-muted-foreground">
              Trial ends <LocalTime at={sub.trialEnd} timeZone={tz} />
            </p>
          ) : null}
          <h3 className="mt-2 font-medium">Payment methods</h3>
          {tenant.paymentMethods.length === 0 ? (
            <p className="text-muted-foreground">
              No card on file
              {tenant.plan.requiresPaymentMethod
                ? " — this plan needs one (calls are refused with payment_method_required)"
                : ""}
              .
            </p>
          ) : (
            <ul className="grid gap-1" data-testid="payment-methods">
              {tenant.paymentMethods.map((pm) => (
                <li key={pm.id} className="flex flex-wrap items-center gap-2">
                  <span className="capitalize">{pm.brand}</span> •••• {pm.last4}
                  <CardExpiryBadge card={pm} now={now} />
                  {pm.isDefault ? <Badge tone="muted">Default</Badge> : null}
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardContent className="pt-4">
          <h3 className="mb-2 text-sm font-medium">Invoices</h3>
          {tenant.invoices.length === 0 ? (
            <p className="text-sm text-muted-foreground">No invoices yet.</p>
          ) : (
            <ul className="grid gap-1 text-sm">
              {tenant.invoices.map((inv) => (
                <li key={inv.id} className="flex flex-wrap items-center justify-between gap-2">
                  <span>
                    {inv.number ?? inv.stripeInvoiceId}{" "}
                    <span className="text-xs text-muted-foreground">
                      <LocalTime at={inv.createdAt} timeZone={tz} />
                    </span>
                  </span>
                  <span className="flex items-center gap-2">
                    <InvoiceStatusBadge status={inv.status} />
                    {/* Stripe minor units in the invoice's own currency, as on the tenant's billing page. */}
                    <span className="tabular-nums">{formatMinor(inv.amountDue, inv.currency)}</span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}

export function AlertsSection({
  rules,
  events,
  timeZone,
}: {
  rules: TenantDetail["alertRules"];
  events: TenantDetail["alertEvents"];
  timeZone: string;
}) {
  if (rules.length === 0 && events.length === 0)
    return (
      <EmptyState>
        No alert rules. Rules the tenant sets (low balance, quota, card expiry) show here with their state.
      </EmptyState>
    );
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ul className="grid gap-1 text-sm">
        {rules.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center gap-2">
            <RuleStateBadge state={r.state} enabled={r.enabled} />
            {r.name}{" "}
            <span className="text-xs text-muted-foreground">
              {r.kind.toLowerCase().replaceAll("_", " ")} · threshold {r.threshold.toLocaleString("en-US")}
            </span>
          </li>
        ))}
      </ul>
      <ul className="grid gap-1 text-sm">
        {events.map((e) => (
          <li key={e.id}>
            <AlertEventBadge kind={e.kind} /> {e.rule.name}: {e.message}{" "}
            <span className="text-xs text-muted-foreground">
              <LocalTime at={e.createdAt} timeZone={timeZone} />
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function AuditSection({ entries, timeZone }: { entries: TenantDetail["audit"]; timeZone: string }) {
  if (entries.length === 0)
    return (
      <EmptyState>No changes recorded yet. Every admin action on this tenant adds a row here.</EmptyState>
    );
  return <AuditTable entries={entries} timeZone={timeZone} label="Audit trail" data-testid="audit-table" />;
}
