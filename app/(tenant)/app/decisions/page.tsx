import type { Metadata } from "next";

import { DecisionsSection } from "@/components/dashboard/decisions-section";
import { ExportLinks } from "@/components/dashboard/export-links";
import { PageHeader } from "@/components/page-header";
import { prisma } from "@/lib/db";
import { tenantScope } from "@/lib/tenants/scope";
import { requireUser } from "@/lib/web/session";

export const metadata: Metadata = { title: "Decisions" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// /app/decisions – the tenant's own decision log: why each call was allowed or refused.
export default async function DecisionsPage({ searchParams }: Props) {
  const user = await requireUser({ area: "tenant" });
  const tenant = await prisma.tenant.findUniqueOrThrow({
    where: { id: tenantScope(user.tenantId).tenantId },
    select: { timeZone: true },
  });
  return (
    <>
      <PageHeader
        title="Decisions"
        description={`Every authorize answer for your keys, newest first. Expand a row for the reason, the numbers and the fix. Times in ${tenant.timeZone}.`}
        actions={<ExportLinks />}
      />
      <DecisionsSection
        tenantId={user.tenantId}
        timeZone={tenant.timeZone}
        searchParams={await searchParams}
        basePath="/app/decisions"
      />
    </>
  );
}
