import Link from "next/link";

import { T } from "@/components/alerts/table-classes";
import { LocalTime } from "@/components/dashboard/local-time";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { describeThreshold, describeValue } from "@/lib/alerts/payload";
import type { FiringAlertRow } from "@/lib/alerts/queries";

/** The rules firing now across tenants (each time in its tenant's zone, zone named). */
export function FiringAlertsTable({ alerts }: { alerts: FiringAlertRow[] }) {
  if (alerts.length === 0)
    return (
      <EmptyState>
        No alerts firing. Rules that cross their threshold show here until they resolve.
      </EmptyState>
    );
  return (
    <div className="overflow-x-auto rounded-lg border border-border">
      <table className={T.table} data-testid="firing-alerts">
        <thead className={T.head}>
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Tenant
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Rule
            </th>
            <th scope="col" className="hidden px-3 py-2 text-right font-medium sm:table-cell">
              Value
            </th>
            <th scope="col" className="hidden px-3 py-2 font-medium md:table-cell">
              Firing since
            </th>
          </tr>
        </thead>
        <tbody className={T.body}>
          {alerts.map((a) => (
            <tr key={a.id} className={T.row}>
              <td className="px-3 sm:py-2">
                <Link
                  className="font-medium underline-offset-2 hover:underline"
                  href={`/admin/tenants/${a.tenant.id}/alerts`}
                >
                  {a.tenant.name}
                </Link>
              </td>
              <td className="px-3 sm:py-2">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone="bad">Firing</Badge> {a.name}
                </div>
                {a.kind === "CARD_EXPIRED" || a.kind === "SUBSCRIPTION_PAST_DUE" ? null : (
                  <div className="text-xs text-muted-foreground">
                    threshold {describeThreshold(a.kind, Number(a.threshold))}
                  </div>
                )}
              </td>
              <td className="hidden px-3 text-right whitespace-nowrap tabular-nums sm:table-cell sm:py-2">
                {describeValue(a.kind, a.lastValue === null ? null : Number(a.lastValue))}
              </td>
              <td className="hidden px-3 text-xs sm:py-2 md:table-cell">
                {a.stateChangedAt ? <LocalTime at={a.stateChangedAt} timeZone={a.tenant.timeZone} /> : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** For the admin overview: the firing alerts across tenants (loadFiringAlerts), with a link to the full page. */
export function FiringAlertsCard({ alerts, more }: { alerts: FiringAlertRow[]; more: boolean }) {
  return (
    <Card data-testid="firing-alerts-card">
      <CardHeader className="flex flex-row items-center justify-between gap-2">
        <CardTitle>Firing alerts</CardTitle>
        <Link href="/admin/alerts" className="text-sm underline-offset-2 hover:underline">
          All alerts and deliveries
        </Link>
      </CardHeader>
      <CardContent>
        <FiringAlertsTable alerts={alerts} />
        {more ? (
          <p className="mt-2 text-xs text-muted-foreground">More are firing: see the alerts page.</p>
        ) : null}
      </CardContent>
    </Card>
  );
}
