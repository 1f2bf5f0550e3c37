import type { Metadata } from "next";

import { ExportLinks } from "@/components/dashboard/export-links";
import { UsageChart } from "@/components/dashboard/usage-chart";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { loadUsageChart } from "@/lib/dashboard/load-usage";
import { tenantProfile } from "@/lib/tenants/queries";
import { localDate } from "@/lib/time/tenant-calendar";
import { requireUser } from "@/lib/web/session";

export const metadata: Metadata = { title: "Usage" };

// /app/usage – usage by day and model (the remedy link of a rate-limit refusal lands here).
export default async function UsagePage() {
  const user = await requireUser({ area: "tenant" });
  const now = new Date();
  const tenant = await tenantProfile(user.tenantId);
  const usage = await loadUsageChart(tenant.id, tenant.timeZone, now);
  return (
    <>
      <PageHeader
        title="Usage"
        description={`Tokens and cost by day and model, days in ${tenant.timeZone}.`}
        actions={<ExportLinks today={localDate(now, tenant.timeZone)} />}
      />
      <Card>
        <CardContent className="pt-4">
          <UsageChart {...usage} />
        </CardContent>
      </Card>
    </>
  );
}
