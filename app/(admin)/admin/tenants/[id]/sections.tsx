// The lower sections of the admin tenant page: plain server components over loaded rows.
import { CardExpiryBadge } from "@/components/billing/card-expiry-badge";
import { KeysTable } from "@/components/dashboard/keys-table";
import { LocalTime } from "@/components/dashboard/local-time";
import { Money } from "@/components/money";
import { SubscriptionBadge } from "@/components/subscription-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatMicros } from "@/lib/money/format";
import type { TenantDetail } from "@/lib/tenants/tenant-detail";

import { approveKeyAction, createKeyAction, revokeKeyAction } from "./actions";

const th = "px-3 py-2 font-medium";
const thead = "bg-muted/60 text-left text-xs uppercase tracking-wide text-muted-foreground";

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
    <div className="overflow-x-auto rounded-lg border border-border">
      <table className="w-full text-sm" data-testid="ledger-table">
        <caption className="sr-only">Latest ledger entries (reservations and releases hidden)</caption>
        <thead className={thead}>
          <tr>
            <th scope="col" className={th}>
              Time ({timeZone})
            </th>
            <th scope="col" className={th}>
              Kind
            </th>
            <th scope="col" className={`${th} hidden sm:table-cell`}>
              Reason
            </th>
            <th scope="col" className={`${th} text-right`}>
              Amount
            </th>
            <th scope="col" className={`${th} text-right`}>
              Balance after
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id.toString()} className="border-t border-border">
              <td className="px-3 py-2 text-xs">
                <LocalTime at={e.createdAt} timeZone={timeZone} />
              </td>
              <td className="px-3 py-2">
                <Badge tone={e.amount >= 0n ? "ok" : "muted"}>{e.kind.toLowerCase()}</Badge>
              </td>
              <td
                className="hidden max-w-xs truncate px-3 py-2 text-xs text-muted-foreground sm:table-cell"
                title={e.reason ?? undefined}
              >
                {e.reason ?? "—"}
              </td>
              <td className="px-3 py-2 text-right whitespace-nowrap">
                <Money micros={e.amount} />
              </td>
              <td className="px-3 py-2 text-right whitespace-nowrap">
                <Money micros={e.balanceAfter} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
                    <Badge tone={inv.status === "paid" ? "ok" : inv.status === "open" ? "warn" : "muted"}>
                      {inv.status}
                    </Badge>
                    {/* Invoice amounts are Stripe minor units (cents): ×10,000 to micro-USD for the one formatter. */}
                    <span className="tabular-nums">
                      {formatMicros(inv.amountDue * 10_000n, { currency: inv.currency.toUpperCase() })}
                    </span>
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
            <Badge tone={r.state === "FIRING" ? "bad" : r.enabled ? "ok" : "muted"}>
              {r.state === "FIRING" ? "Firing" : r.enabled ? "OK" : "Off"}
            </Badge>
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
            <Badge tone={e.kind === "FIRING" ? "bad" : "ok"}>{e.kind.toLowerCase()}</Badge> {e.rule.name}:{" "}
            {e.message}{" "}
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
  return (
    <div className="overflow-x-auto rounded-lg border border-border">
      <table className="w-full text-sm" data-testid="audit-table">
        <thead className={thead}>
          <tr>
            <th scope="col" className={th}>
              Time ({timeZone})
            </th>
            <th scope="col" className={th}>
              Action
            </th>
            <th scope="col" className={`${th} hidden md:table-cell`}>
              Change
            </th>
            <th scope="col" className={th}>
              By
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((a) => (
            <tr key={a.id.toString()} className="border-t border-border">
              <td className="px-3 py-2 text-xs">
                <LocalTime at={a.createdAt} timeZone={timeZone} />
              </td>
              <td className="px-3 py-2">
                <code className="text-xs">{a.action}</code>
              </td>
              <td
                className="hidden max-w-md truncate px-3 py-2 text-xs text-muted-foreground md:table-cell"
                title={JSON.stringify(a.after)}
              >
                {a.before ? `${JSON.stringify(a.before)} → ` : ""}
                {JSON.stringify(a.after)}
              </td>
              <td className="px-3 py-2 text-xs">
                {a.actorKind.toLowerCase().replace("_", " ")}
                {a.causeId ? ` (${a.causeId})` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
