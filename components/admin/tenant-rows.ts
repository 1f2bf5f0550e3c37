// A tenants-table row from a tenant's state and health (plain data for the client table).
import type { TenantTableRow } from "@/components/admin/tenants-data-table";
import type { TenantListItem } from "@/lib/tenants/tenants-query";

export function tenantTableRow({ state: s, health: h }: TenantListItem): TenantTableRow {
  return {
    id: s.id,
    name: s.name,
    slug: s.slug,
    planName: s.plan.name,
    status: s.status,
    subStatus: s.subscription?.status ?? null,
    available: s.available,
    daysLeft: h.daysLeft,
    quotaUsed: s.quotaUsed,
    quotaLimit: s.plan.monthlyTokenQuota,
    card: s.card,
    level: h.level,
    why: h.decision.allowed ? (h.warnings[0]?.message ?? null) : h.decision.title,
  };
}
