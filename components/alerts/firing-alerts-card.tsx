import Link from "next/link";

import { LocalTime } from "@/components/dashboard/local-time";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
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
    <Table variant="cards" label="Firing alerts" data-testid="firing-alerts">
      <TableHeader>
        <TableRow>
          <TableHead>Tenant</TableHead>
          <TableHead>Rule</TableHead>
          <TableHead numeric hideBelow="sm">
            Value
          </TableHead>
          <TableHead hideBelow="md">Firing since</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {alerts.map((a) => (
          <TableRow key={a.id}>
            <TableCell>
              <Link
                className="font-medium underline-offset-2 hover:underline"
                href={`/admin/tenants/${a.tenant.id}/alerts`}
              >
                {a.tenant.name}
              </Link>
            </TableCell>
            <TableCell>
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone="bad">Firing</Badge> {a.name}
              </div>
              {a.kind === "CARD_EXPIRED" || a.kind === "SUBSCRIPTION_PAST_DUE" ? null : (
                <div className="text-xs text-muted-foreground">
                  threshold {describeThreshold(a.kind, Number(a.threshold))}
                </div>
              )}
            </TableCell>
            <TableCell numeric hideBelow="sm">
              {describeValue(a.kind, a.lastValue === null ? null : Number(a.lastValue))}
            </TableCell>
            <TableCell hideBelow="md" className="text-xs">
              {a.stateChangedAt ? <LocalTime at={a.stateChangedAt} timeZone={a.tenant.timeZone} /> : "—"}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
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
