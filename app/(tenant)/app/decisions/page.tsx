import type { Metadata } from "next";

import { DecisionsSection } from "@/components/dashboard/decisions-section";
import { ExportLinks } from "@/components/dashboard/export-links";
import { PageHeader } from "@/components/page-header";
import { loadTenantDecisions } from "@/lib/dashboard/load-decisions";
import { tenantProfile } from "@/lib/tenants/queries";
import { requireUser } from "@/lib/web/session";

export const metadata: Metadata = { title: "Decisions" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// /app/decisions – the tenant's own decision log: why each call was allowed or refused.
export default async function DecisionsPage({ searchParams }: Props) {
  const user = await requireUser({ area: "tenant" });
  const tenant = await tenantProfile(user.tenantId);
  const log = await loadTenantDecisions(tenant.id, tenant.timeZone, await searchParams);
  return (
    <>
      <PageHeader
        title="Decisions"
        description={`Every authorize answer for your keys, newest first. Expand a row for the reason, the numbers and the fix. Times in ${tenant.timeZone}.`}
        actions={<ExportLinks />}
      />
      <DecisionsSection {...log} basePath="/app/decisions" />
    </>
  );
}
