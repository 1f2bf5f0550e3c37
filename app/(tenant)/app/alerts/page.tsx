import type { Metadata } from "next";

import { AlertsManager } from "@/components/alerts/alerts-manager";
import { PageHeader } from "@/components/page-header";
import { prisma } from "@/lib/db";
import { tenantScope } from "@/lib/tenants/scope";
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
  const scope = tenantScope(user.tenantId);
  const tenant = await prisma.tenant.findUniqueOrThrow({
    where: { id: scope.tenantId },
    select: { timeZone: true },
  });
  const isOwner = user.role === "TENANT_OWNER";
  return (
    <>
      <PageHeader
        title="Alerts"
        description={`${isOwner ? "Hear about a low balance, a full quota or an expiring card before calls are refused." : "Only the account owner can change rules and channels."} Times in ${tenant.timeZone}.`}
      />
      <AlertsManager
        tenantId={scope.tenantId}
        timeZone={tenant.timeZone}
        actions={isOwner ? ACTIONS : undefined}
      />
    </>
  );
}
