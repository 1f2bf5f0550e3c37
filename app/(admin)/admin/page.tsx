import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { TenantsTable } from "@/components/admin/tenants-table";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { listTenantsForAdmin } from "@/lib/tenants/queries";
import { requireUser } from "@/lib/web/session";

export const metadata: Metadata = { title: "Overview" };

// /admin – every tenant at a glance.
export default async function AdminOverview() {
  await requireUser({ area: "admin" });
  const tenants = await listTenantsForAdmin();
  const count = (pred: (t: (typeof tenants)[number]) => boolean) => tenants.filter(pred).length;
  const stats = [
    { label: "Tenants", value: tenants.length },
    { label: "Past due", value: count((t) => t.subscriptions[0]?.status === "past_due") },
    { label: "Out of credits", value: count((t) => (t.creditBalance?.available ?? 0n) <= 0n) },
    { label: "Suspended", value: count((t) => t.status === "SUSPENDED") },
  ];
  return (
    <>
      <PageHeader title="Overview" description="Every tenant's plan, subscription and balance." />
      <div className="mb-6 grid grid-cols-2 gap-3 md:gap-4 lg:grid-cols-4">
        {stats.map((s) => (
          <Card key={s.label}>
            <CardHeader><CardTitle>{s.label}</CardTitle></CardHeader>
            <CardContent className="text-2xl font-semibold tabular-nums">{s.value.toLocaleString("en-US")}</CardContent>
          </Card>
        ))}
      </div>
      <TenantsTable tenants={tenants} />
    </>
  );
}
