// One tenant's page: plan, subscription, invoices, cards, keys, ledger, alert rules and events,
// audit trail. Every read is scoped by tenantScope; an unknown id answers null (the page 404s).
import { tenantScope } from "@/lib/db/tenant-scope";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export async function loadTenantDetail(prisma: PrismaClient, tenantId: string) {
  const scope = tenantScope(tenantId);
  const tenant = await prisma.tenant.findUnique({
    where: { id: scope.tenantId },
    include: {
      plan: true,
      subscriptions: { orderBy: { updatedAt: "desc" }, take: 1 },
      paymentMethods: {
        where: { detachedAt: null },
        orderBy: [{ isDefault: "desc" }, { createdAt: "desc" }],
      },
      invoices: { orderBy: { createdAt: "desc" }, take: 12 },
      apiKeys: { orderBy: [{ status: "asc" }, { createdAt: "desc" }] },
    },
  });
  if (!tenant) return null;
  const [ledger, alertRules, alertEvents, audit] = await Promise.all([
    prisma.creditLedgerEntry.findMany({
      where: { ...scope, kind: { notIn: ["RESERVE", "RELEASE"] } },
      orderBy: { createdAt: "desc" },
      take: 25,
    }),
    prisma.alertRule.findMany({ where: scope, orderBy: { createdAt: "asc" } }),
    prisma.alertEvent.findMany({
      where: scope,
      orderBy: { createdAt: "desc" },
      take: 10,
      include: { rule: { select: { name: true } } },
    }),
    prisma.auditLog.findMany({ where: scope, orderBy: { createdAt: "desc" }, take: 20 }),
  ]);
  return { tenant, ledger, alertRules, alertEvents, audit };
}

export type TenantDetail = NonNullable<Awaited<ReturnType<typeof loadTenantDetail>>>;

/** Plans an admin may move a tenant to. */
export function listPlans(prisma: PrismaClient) {
  return prisma.plan.findMany({
    orderBy: { monthlyPrice: "asc" },
    select: { key: true, name: true, monthlyPrice: true },
  });
}

export function listModels(prisma: PrismaClient) {
  return prisma.model.findMany({
    where: { active: true },
    orderBy: { id: "asc" },
    select: { id: true, displayName: true },
  });
}
