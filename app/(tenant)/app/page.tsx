import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Money } from "@/components/money";
import { SubscriptionBadge } from "@/components/subscription-badge";
import { TenantStatusBadge } from "@/components/tenant-status-badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getTenantHome } from "@/lib/tenants/queries";
import { requireUser } from "@/lib/web/session";

export const metadata: Metadata = { title: "Home" };

const tokens = (n: bigint) => `${n.toLocaleString("en-US")} tokens`;

// /app – the signed-in tenant's own balance, quota and plan.
export default async function TenantHome() {
  const user = await requireUser({ area: "tenant" });
  const { tenant, quota } = await getTenantHome(user.tenantId);
  const balance = tenant.creditBalance ?? { available: 0n, reserved: 0n };
  const resets = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone: tenant.timeZone, timeZoneName: "short" }).format(quota.resetsAt);
  return (
    <>
      <PageHeader title={tenant.name} description={`Signed in as ${user.email}`} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Card>
          <CardHeader><CardTitle>Available credits</CardTitle></CardHeader>
          <CardContent className="text-2xl font-semibold" data-testid="balance-available">
            <Money micros={balance.available} />
            <p className="text-xs font-normal text-muted-foreground">
              <Money micros={balance.reserved} /> reserved for calls in flight
            </p>
          </CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle>Quota this month</CardTitle></CardHeader>
          <CardContent className="text-2xl font-semibold tabular-nums">
            {quota.limit === null ? tokens(quota.used) : `${((Number(quota.used) / Number(quota.limit)) * 100).toFixed(1)}%`}
            <p className="text-xs font-normal text-muted-foreground">
              {quota.limit === null ? "Unlimited" : `${tokens(quota.used)} of ${tokens(quota.limit)}`} · resets {resets}
            </p>
          </CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle>Plan</CardTitle></CardHeader>
          <CardContent className="text-2xl font-semibold">
            {tenant.plan.name}
            <p className="mt-1 flex flex-wrap items-center gap-1.5 text-xs font-normal text-muted-foreground">
              Subscription <SubscriptionBadge status={tenant.subscriptions[0]?.status} />
              {tenant.status === "SUSPENDED" ? <>· Account <TenantStatusBadge status={tenant.status} /></> : null}
            </p>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
