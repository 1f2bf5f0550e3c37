import "server-only";

import { prisma } from "@/lib/db";
import { tenantScope } from "@/lib/tenants/scope";
import { quotaPeriod } from "@/lib/time/tenant-calendar";

const currentSubscription = {
  orderBy: { updatedAt: "desc" as const },
  take: 1,
  select: { status: true, pastDueSince: true },
};

/** Admin only: every tenant with the numbers the overview lists. */
export async function listTenantsForAdmin() {
  return prisma.tenant.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      slug: true,
      status: true,
      timeZone: true,
      plan: { select: { key: true, name: true } },
      creditBalance: { select: { available: true, reserved: true } },
      subscriptions: currentSubscription,
    },
  });
}

/** A tenant's own home: always scoped to the signed-in user's tenant. */
export async function getTenantHome(tenantId: string, now = new Date()) {
  const scope = tenantScope(tenantId);
  const tenant = await prisma.tenant.findUniqueOrThrow({
    where: { id: scope.tenantId },
    select: {
      id: true,
      name: true,
      slug: true,
      status: true,
      timeZone: true,
      plan: { select: { key: true, name: true, monthlyTokenQuota: true } },
      creditBalance: { select: { available: true, reserved: true } },
      subscriptions: currentSubscription,
    },
  });
  const period = quotaPeriod(now, tenant.timeZone);
  const quota = await prisma.quotaUsage.findUnique({
    where: { tenantId_periodStart: { ...scope, periodStart: period.start } },
    select: { tokensUsed: true },
  });
  return {
    tenant,
    quota: { used: quota?.tokensUsed ?? 0n, limit: tenant.plan.monthlyTokenQuota, resetsAt: period.end },
  };
}

/** The tenant fields a tenant-area page's header and shell show: always the signed-in user's tenant. */
export async function tenantProfile(tenantId: string) {
  return prisma.tenant.findUniqueOrThrow({
    where: { id: tenantScope(tenantId).tenantId },
    select: { id: true, name: true, timeZone: true },
  });
}

/** Admin only: the same fields for any tenant, or null when the id names none. */
export async function findTenantProfile(id: string) {
  return prisma.tenant.findUnique({ where: { id }, select: { id: true, name: true, timeZone: true } });
}
