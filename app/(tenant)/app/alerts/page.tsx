import type { Metadata } from "next";

import { AlertsManager } from "@/components/alerts/alerts-manager";
import { PageHeader } from "@/components/page-header";
import { loadTenantAlerts } from "@/lib/alerts/load-alerts";
import { tenantProfile } from "@/lib/tenants/queries";
import { requireUser } from "@/lib/web/session";

import * as a from "./actions";

const ACTIONS = {
  saveRule: a.saveRuleAction,
  toggleRule: a.toggleRuleAction,
  deleteRule: a.deleteRuleAction,
  createChannel: a.createChannelAction,
  deleteChannel: a.deleteChannelAction,
  sendTest: a.sendTestAction,
  retryDelivery: a.retryDeliveryAction,
};

export const metadata: Metadata = { title: "Alerts" };

// /app/alerts – the tenant's alert rules, channels, history and delivery log: the owner manages, members view.
export default async function AlertsPage() {
  const user = await requireUser({ area: "tenant" });
  const [tenant, alerts] = await Promise.all([tenantProfile(user.tenantId), loadTenantAlerts(user.tenantId)]);
  const isOwner = user.role === "TENANT_OWNER";
  return (
    <>
      <PageHeader
        title="Alerts"
        description={`${isOwner ? "Hear about a low balance, a full quota or an expiring card before calls are refused." : "Only the account owner can change rules and channels."} Times in ${tenant.timeZone}.`}
      />
      <AlertsManager {...alerts} timeZone={tenant.timeZone} actions={isOwner ? ACTIONS : undefined} />
    </>
  );
}
