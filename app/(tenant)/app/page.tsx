import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { LiveSummary } from "@/components/dashboard/live-summary";
import { UsageSection } from "@/components/dashboard/usage-section";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { tenantSummary } from "@/lib/tenants/tenant-summary";
import { prisma } from "@/lib/db";
import { pool } from "@/lib/db/pool";
import { requireUser } from "@/lib/web/session";

export const metadata: Metadata = { title: "Home" };

// /app – the signed-in tenant's own standing: do calls go through now, balance, quota, usage, refusals.
export default async function TenantHome() {
  const user = await requireUser({ area: "tenant" });
  const now = new Date();
  const summary = await tenantSummary(prisma, pool(), user.tenantId, now);
  if (!summary) notFound();
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
          <UsageSection tenantId={tenant.id} timeZone={tenant.timeZone} now={now} />
        </CardContent>
      </Card>
    </>
  );
}
