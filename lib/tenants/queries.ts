// What the tenant pages read about tenants themselves (the tenant list, a page header). Tenant-area
// reads take the signed-in user's tenant id and go through tenantScope.
import "server-only";

import { prisma } from "@/lib/db";
import { tenantScope } from "@/lib/db/tenant-scope";

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
