import Link from "next/link";

import { Money } from "@/components/money";
import { SubscriptionBadge } from "@/components/subscription-badge";
import { TenantStatusBadge } from "@/components/tenant-status-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

type Row = {
  id: string;
  name: string;
  slug: string;
  status: "ACTIVE" | "SUSPENDED";
  timeZone: string;
  plan: { name: string };
  creditBalance: { available: bigint; reserved: bigint } | null;
  subscriptions: { status: string }[];
};

export function TenantsTable({ tenants }: { tenants: Row[] }) {
  if (tenants.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-border p-8 text-center text-sm text-muted-foreground">
        No tenants yet. Create one with the admin API (POST /api/v1/admin/tenants).
      </p>
    );
  }
  return (
    <Table variant="cards" label="Tenants" data-testid="tenants-table">
      <TableHeader>
        <TableRow>
          <TableHead>Tenant</TableHead>
          <TableHead hideBelow="sm">Plan</TableHead>
          <TableHead>Status</TableHead>
          <TableHead hideBelow="md">Subscription</TableHead>
          <TableHead numeric>Balance</TableHead>
          <TableHead hideBelow="lg">Time zone</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {tenants.map((t) => (
          <TableRow key={t.id}>
            <TableCell>
              <Link
                href={`/admin/tenants/${t.id}`}
                className="font-medium underline-offset-2 hover:underline"
              >
                {t.name}
              </Link>
              <div className="text-xs text-muted-foreground">
                {t.slug}
                <span className="sm:hidden"> · {t.plan.name}</span>
              </div>
            </TableCell>
            <TableCell hideBelow="sm">{t.plan.name}</TableCell>
            <TableCell>
              <span className="hidden md:inline">
                <TenantStatusBadge status={t.status} />
              </span>
              {/* Narrow screens have no Subscription column (the balance stays in view): one
                  state here, a suspension first since it refuses calls whatever the subscription. */}
              <span className="md:hidden">
                {t.status === "SUSPENDED" ? (
                  <TenantStatusBadge status={t.status} />
                ) : (
                  <SubscriptionBadge status={t.subscriptions[0]?.status} />
                )}
              </span>
            </TableCell>
            <TableCell hideBelow="md">
              <SubscriptionBadge status={t.subscriptions[0]?.status} />
            </TableCell>
            <TableCell numeric label="Balance">
              <Money micros={t.creditBalance?.available ?? 0n} />
            </TableCell>
            <TableCell hideBelow="lg" className="text-muted-foreground">
              {t.timeZone}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
