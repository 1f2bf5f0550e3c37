import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { TenantsTable } from "@/components/admin/tenants-table";
import { listTenantsForAdmin } from "@/lib/tenants/queries";
import { requireUser } from "@/lib/web/session";

export const metadata: Metadata = { title: "Tenants" };

// /admin/tenants – the tenant list (search, filters and pages come with the dashboard issue).
export default async function TenantsPage() {
  await requireUser({ area: "admin" });
  return (
    <>
      <PageHeader title="Tenants" />
      <TenantsTable tenants={await listTenantsForAdmin()} />
    </>
  );
}
