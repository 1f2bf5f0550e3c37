"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";

import { HealthBanner } from "@/components/dashboard/health-banner";
import { Money } from "@/components/money";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { TenantSummary } from "@/lib/dashboard/tenant-summary";
import { formatDaysLeft } from "@/lib/format/time";

/**
 * An administrator's view of a tenant's standing, refreshed every 15 s and on focus: whether its
 * calls go through (with the remedy the tenant is shown), its balance and days of credit left.
 * Keyed by the server render's time, so the fresh render after an action (a grant, a suspension)
 * replaces what the browser had rather than waiting for the next refresh. `children` are the
 * server-rendered cards that share the row.
 */
export function LiveTenantStanding({ initial, children }: { initial: TenantSummary; children?: ReactNode }) {
  const { data: s } = useQuery({
    queryKey: ["admin-tenant-summary", initial.tenant.id, initial.at],
    queryFn: async (): Promise<TenantSummary> => {
      const res = await fetch(`/api/dashboard/tenants/${encodeURIComponent(initial.tenant.id)}/summary`, {
        cache: "no-store",
      });
      if (!res.ok) throw new Error(`tenant summary: HTTP ${res.status}`);
      return (await res.json()) as TenantSummary;
    },
    initialData: initial,
    refetchInterval: 15_000,
  });
  return (
    <>
      {/* The tenant's fix is theirs to make: the admin sees the banner without its button. */}
      <HealthBanner banner={{ ...s.banner, action: null }} />
      {s.remedy ? (
        <p className="-mt-4 mb-6 text-xs text-muted-foreground">
          Remedy shown to the tenant: <code>{s.remedy.action}</code> → {s.remedy.url}
        </p>
      ) : null}
      <div className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Card>
          <CardHeader>
            <CardTitle>Available credits</CardTitle>
          </CardHeader>
          <CardContent className="text-2xl font-semibold" data-testid="tenant-balance">
            <Money micros={BigInt(s.balance.available)} />
            <p className="text-xs font-normal text-muted-foreground">
              <Money micros={BigInt(s.balance.reserved)} /> reserved
            </p>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Days of credit left</CardTitle>
          </CardHeader>
          <CardContent className="text-2xl font-semibold tabular-nums">
            {formatDaysLeft(s.daysLeft)}
            <p className="text-xs font-normal text-muted-foreground">
              at <Money micros={BigInt(s.burnPerDay)} />
              /day (last 7 days)
            </p>
          </CardContent>
        </Card>
        {children}
      </div>
    </>
  );
}
