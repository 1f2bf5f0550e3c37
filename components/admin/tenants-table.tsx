import Link from "next/link";

import { Money } from "@/components/money";
import { SubscriptionBadge } from "@/components/subscription-badge";
import { TenantStatusBadge } from "@/components/tenant-status-badge";

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
    <div className="overflow-x-auto rounded-lg border border-border">
      <table className="w-full text-sm" data-testid="tenants-table">
        <thead className="bg-muted/60 text-left text-xs tracking-wide text-muted-foreground uppercase">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Tenant
            </th>
            <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">
              Plan
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Status
            </th>
            <th scope="col" className="hidden px-3 py-2 font-medium md:table-cell">
              Subscription
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium whitespace-nowrap">
              Balance
            </th>
            <th scope="col" className="hidden px-3 py-2 font-medium lg:table-cell">
              Time zone
            </th>
          </tr>
        </thead>
        <tbody>
          {tenants.map((t) => (
            <tr key={t.id} className="border-t border-border">
              <td className="px-3 py-2">
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
              </td>
              <td className="hidden px-3 py-2 sm:table-cell">{t.plan.name}</td>
              <td className="px-3 py-2">
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
              </td>
              <td className="hidden px-3 py-2 md:table-cell">
                <SubscriptionBadge status={t.subscriptions[0]?.status} />
              </td>
              <td className="px-3 py-2 text-right whitespace-nowrap">
                <Money micros={t.creditBalance?.available ?? 0n} />
              </td>
              <td className="hidden px-3 py-2 text-muted-foreground lg:table-cell">{t.timeZone}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
