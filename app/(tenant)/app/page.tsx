import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { LiveSummary } from "@/components/dashboard/live-summary";
import { UsageChart } from "@/components/dashboard/usage-chart";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { loadTenantHome } from "@/lib/dashboard/load-tenant";
import { requireUser } from "@/lib/web/session";

export const metadata: Metadata = { title: "Home" };

// /app – the signed-in tenant's own standing: do calls go through now, balance, quota, usage, refusals.
export default async function TenantHome() {
  const user = await requireUser({ area: "tenant" });
  const now = new Date();
  const home = await loadTenantHome(user.tenantId, now);
  if (!home) notFound();
  const { summary, usage } = home;
  const { tenant } = summary;
  return (
    <>
      <PageHeader
        title={tenant.name}
        description={`${tenant.planName} plan · times in ${tenant.timeZone} · signed in as ${user.email}`}
      />
      <LiveSummary initial={summary} />
      <Card>
        <CardContent className="pt-4">
          <UsageChart {...usage} />
        </CardContent>
      </Card>
    </>
  );
}
