// The alert pages' loaders: each binds the app's Prisma client to lib/alerts/queries (which take
// the client, so tests pass their own) and returns the plain props a page hands its components.
import "server-only";

import {
  alertHistory,
  countDeadDeliveries,
  deliveryLog,
  firingAlerts,
  listChannels,
  listRules,
} from "@/lib/alerts/queries";
import { prisma } from "@/lib/db";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";

/** One tenant's rules, channels, last 50 transitions and deliveries, and its dead-letter count. */
export async function loadTenantAlerts(tenantId: string) {
  const [rules, channels, events, deliveries, dead] = await Promise.all([
    listRules(prisma, tenantId),
    listChannels(prisma, tenantId),
    alertHistory(prisma, tenantId, 50),
    deliveryLog(prisma, tenantId, { limit: 50 }),
    countDeadDeliveries(prisma, tenantId),
  ]);
  return { rules, channels, events, deliveries, dead };
}

/** The first `limit` rules firing across tenants, and whether more are. */
export async function loadFiringAlerts(limit: number) {
  const alerts = await firingAlerts(prisma, limit + 1);
  return { alerts: alerts.slice(0, limit), more: alerts.length > limit };
}

/** The operator's alerts page: firing rules and every tenant's delivery log (by status). */
export async function loadOperatorAlerts(status: DeliveryStatus | undefined) {
  const [firing, deliveries, dead] = await Promise.all([
    firingAlerts(prisma, 200),
    deliveryLog(prisma, null, { status, limit: 100 }),
    countDeadDeliveries(prisma, null),
  ]);
  return { firing, deliveries, dead };
}
