import type { Metadata } from "next";
import Link from "next/link";

import { TenantsTable } from "@/components/admin/tenants-table";
import { FiringAlertsCard } from "@/components/alerts/firing-alerts-card";
import { HealthBadge } from "@/components/dashboard/health-badge";
import { Money } from "@/components/money";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { loadOverview } from "@/lib/dashboard/load-overview";
import { formatCount } from "@/lib/format/numbers";
import { requireUser } from "@/lib/web/session";

export const metadata: Metadata = { title: "Overview" };

// /admin – the business at a glance: who can call, money this month, refusals, what needs attention.
export default async function AdminOverview() {
  await requireUser({ area: "admin" });
  const now = new Date();
  const { byState, attention, activeModels, money, refusals, stripe, tenants, firing } =
    await loadOverview(now);
  const month = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    now,
  );
  const stats = [
    {
      label: "Tenants",
      value: byState.total.toLocaleString("en-US"),
      note: `${byState.ok} calls go through · ${byState.warn} warning · ${byState.refusing} refusing`,
    },
    {
      label: "Past due",
      value: byState.pastDue.toLocaleString("en-US"),
      note: `${byState.suspended} suspended`,
    },
    {
      label: `Credits sold (${month}, UTC)`,
      value: <Money micros={money.sold} />,
      note: (
        <>
          plus <Money micros={money.granted} /> granted
        </>
      ),
    },
    {
      label: `Credits spent (${month})`,
      value: <Money micros={money.spent} />,
      note: "usage charged, from daily rollups",
    },
  ];
  return (
    <>
      <PageHeader
        title="Overview"
        description="Every tenant's standing, money this month and what needs attention."
      />
      <div className="mb-6 grid grid-cols-1 gap-3 sm:grid-cols-2 md:gap-4 lg:grid-cols-4">
        {stats.map((s) => (
          <Card key={s.label}>
            <CardHeader>
              <CardTitle>{s.label}</CardTitle>
            </CardHeader>
            <CardContent className="text-2xl font-semibold tabular-nums">
              {s.value}
              <p className="text-xs font-normal text-muted-foreground">{s.note}</p>
            </CardContent>
          </Card>
        ))}
      </div>
      <div className="mb-6 grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Needs attention</CardTitle>
          </CardHeader>
          <CardContent>
            {attention.length === 0 && stripe.failed + stripe.unmatched === 0 && activeModels > 0 ? (
              <EmptyState>Nothing needs attention: every tenant&apos;s calls go through.</EmptyState>
            ) : (
              <ul className="grid gap-2" data-testid="needs-attention">
                {activeModels === 0 ? (
                  <li className="flex flex-wrap items-center gap-2 text-sm" data-testid="no-active-model">
                    <Badge tone="bad">Catalog</Badge>
                    The model catalog has no active model, so every authorize is refused (model_not_allowed).
                    <Link href="/admin/models" className="font-medium underline-offset-2 hover:underline">
                      Add a model
                    </Link>
                  </li>
                ) : null}
                {stripe.failed + stripe.unmatched > 0 ? (
                  <li className="flex flex-wrap items-center gap-2 text-sm">
                    <Badge tone="bad">Stripe</Badge>
                    {stripe.failed} event(s) failed, {stripe.unmatched} unmatched
                  </li>
                ) : null}
                {attention.map((a) => (
                  <li key={a.tenantId} className="flex flex-wrap items-start gap-2 text-sm">
                    <HealthBadge level={a.level} />
                    <Link
                      href={`/admin/tenants/${a.tenantId}`}
                      className="font-medium underline-offset-2 hover:underline"
                    >
                      {a.name}
                    </Link>
                    <span className="text-muted-foreground">{a.reasons.join(" · ")}</span>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Refusals, last 24 hours</CardTitle>
          </CardHeader>
          <CardContent>
            {refusals.length === 0 ? (
              <p className="text-sm text-muted-foreground">No refusals in the last 24 hours.</p>
            ) : (
              <Table label="Refusals by code" data-testid="refusals-by-code" containerClassName="border-0">
                <TableHeader className="sr-only">
                  <TableRow>
                    <TableHead>Code</TableHead>
                    <TableHead numeric>Refusals</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {refusals.map((r) => (
                    <TableRow key={r.code} className="first:border-0">
                      <TableCell className="px-0 py-1">
                        <Link
                          className="underline-offset-2 hover:underline"
                          href={`/admin/decisions?outcome=refused&code=${r.code}`}
                        >
                          <code className="text-xs">{r.code}</code>
                        </Link>
                      </TableCell>
                      <TableCell numeric className="px-0 py-1">
                        {formatCount(r.count)}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>
      </div>
      <div className="mb-6">
        <FiringAlertsCard {...firing} />
      </div>
      <h2 className="mb-3 text-lg font-semibold">All tenants</h2>
      <TenantsTable tenants={tenants} />
    </>
  );
}
