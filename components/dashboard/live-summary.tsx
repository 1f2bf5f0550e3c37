"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";

import { DecisionTable } from "@/components/dashboard/decision-table";
import { HealthBanner } from "@/components/dashboard/health-banner";
import { QuotaBar } from "@/components/dashboard/quota-bar";
import { Money } from "@/components/money";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { TenantSummary } from "@/lib/dashboard/tenant-summary";
import { formatDaysLeft } from "@/lib/format/time";

async function fetchSummary(): Promise<TenantSummary> {
  const res = await fetch("/api/dashboard/summary", { cache: "no-store" });
  if (!res.ok) throw new Error(`summary: HTTP ${res.status}`);
  return (await res.json()) as TenantSummary;
}

/** The tenant home's live parts: first paint from the server, then refreshed every 15 s and on focus. */
export function LiveSummary({ initial }: { initial: TenantSummary }) {
  const { data } = useQuery({
    queryKey: ["dashboard-summary"],
    queryFn: fetchSummary,
    initialData: initial,
    refetchInterval: 15_000,
  });
  const s = data;
  return (
    <>
      <HealthBanner banner={s.banner} />
      <div className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Card>
          <CardHeader>
            <CardTitle>Available credits</CardTitle>
          </CardHeader>
          <CardContent className="text-2xl font-semibold" data-testid="balance-available">
            <Money micros={BigInt(s.balance.available)} />
            <p className="text-xs font-normal text-muted-foreground">
              <Money micros={BigInt(s.balance.reserved)} /> reserved for calls in flight
            </p>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Days of credit left</CardTitle>
          </CardHeader>
          <CardContent className="text-2xl font-semibold tabular-nums" data-testid="days-left">
            {formatDaysLeft(s.daysLeft)}
            <p className="text-xs font-normal text-muted-foreground">
              at the last 7 days&apos; burn of <Money micros={BigInt(s.burnPerDay)} />
              /day
            </p>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Quota this month</CardTitle>
          </CardHeader>
          <CardContent>
            <QuotaBar
              used={BigInt(s.quota.used)}
              limit={s.quota.limit === null ? null : BigInt(s.quota.limit)}
            />
          </CardContent>
        </Card>
      </div>
      <section aria-labelledby="recent-refusals" className="mb-6">
        <div className="mb-2 flex items-center justify-between">
          <h2 id="recent-refusals" className="text-lg font-semibold">
            Recent refusals
          </h2>
          <Link href="/app/decisions?outcome=refused" className="text-sm underline-offset-2 hover:underline">
            All decisions →
          </Link>
        </div>
        <DecisionTable
          rows={s.recentRefusals}
          emptyText="No refused calls. Refusals show here with their reason and the fix."
        />
      </section>
    </>
  );
}
