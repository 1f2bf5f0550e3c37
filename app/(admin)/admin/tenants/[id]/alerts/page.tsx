import { ChevronRight } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { AlertsManager } from "@/components/alerts/alerts-manager";
import { PageHeader } from "@/components/page-header";
import { loadTenantAlerts } from "@/lib/alerts/load-alerts";
import { findTenantProfile } from "@/lib/tenants/queries";
import { requireUser } from "@/lib/web/session";

import * as a from "./actions";

export const metadata: Metadata = { title: "Tenant alerts" };

type Props = { params: Promise<{ id: string }> };

// /admin/tenants/[id]/alerts – an admin manages one tenant's alert rules and channels.
export default async function TenantAlertsPage({ params }: Props) {
  await requireUser({ area: "admin" });
  const { id } = await params;
  const tenant = await findTenantProfile(id);
  if (!tenant) notFound();
  const alerts = await loadTenantAlerts(tenant.id);
  const actions = {
    saveRule: a.saveRuleAction.bind(null, tenant.id),
    toggleRule: a.toggleRuleAction.bind(null, tenant.id),
    deleteRule: a.deleteRuleAction.bind(null, tenant.id),
    createChannel: a.createChannelAction.bind(null, tenant.id),
    deleteChannel: a.deleteChannelAction.bind(null, tenant.id),
    sendTest: a.sendTestAction.bind(null, tenant.id),
    retryDelivery: a.retryDeliveryAction.bind(null, tenant.id),
  };
  return (
    <>
      <nav
        aria-label="Breadcrumb"
        className="mb-2 flex flex-wrap items-center gap-1 text-sm text-muted-foreground"
      >
        <Link href="/admin/tenants" className="hover:underline">
          Tenants
        </Link>
        <ChevronRight aria-hidden className="size-3.5" />
        <Link href={`/admin/tenants/${tenant.id}`} className="hover:underline">
          {tenant.name}
        </Link>
        <ChevronRight aria-hidden className="size-3.5" />
        <span aria-current="page">Alerts</span>
      </nav>
      <PageHeader
        title={`${tenant.name}: alerts`}
        description={`Rules, channels, alert history and deliveries of this tenant. Times in ${tenant.timeZone}.`}
      />
      <AlertsManager {...alerts} timeZone={tenant.timeZone} actions={actions} />
    </>
  );
}
