import type { Metadata } from "next";

import { ExportLinks } from "@/components/dashboard/export-links";
import { UsageSection } from "@/components/dashboard/usage-section";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { prisma } from "@/lib/db";
import { tenantScope } from "@/lib/tenants/scope";
import { localDate } from "@/lib/time/tenant-calendar";
import { requireUser } from "@/lib/web/session";

export const metadata: Metadata = { title: "Usage" };

// /app/usage – usage by day and model (the remedy link of a rate-limit refusal lands here).
export default async function UsagePage() {
  const user = await requireUser({ area: "tenant" });
  const now = new Date();
  const tenant = await prisma.tenant.findUniqueOrThrow({
    where: { id: tenantScope(user.tenantId).tenantId },
    select: { id: true, timeZone: true },
  });
  return (
    <>
      <PageHeader
        title="Usage"
        description={`Tokens and cost by day and model, days in ${tenant.timeZone}.`}
        actions={<ExportLinks today={localDate(now, tenant.timeZone)} />}
      />
      <Card>
        <CardContent className="pt-4">
          <UsageSection tenantId={tenant.id} timeZone={tenant.timeZone} now={now} />
        </CardContent>
      </Card>
    </>
  );
}
