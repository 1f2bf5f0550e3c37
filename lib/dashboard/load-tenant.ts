// The loaders of the two pages about one tenant: the tenant's own home and the admin tenant page.
// Each reads everything its page shows for one `now`, so the page only renders.
import "server-only";

import { loadTenantDecisions } from "@/lib/dashboard/load-decisions";
import { loadUsageChart } from "@/lib/dashboard/load-usage";
import { loadTenantStanding, tenantSummary } from "@/lib/dashboard/tenant-summary";
import { prisma } from "@/lib/db";
import { pool } from "@/lib/db/pool";
import { listModels, listPlans, loadTenantDetail } from "@/lib/tenants/tenant-detail";

type SearchParams = Record<string, string | string[] | undefined>;

/** A tenant's home: its live standing and the usage chart, or null if the tenant is gone. */
export async function loadTenantHome(tenantId: string, now: Date) {
  const summary = await tenantSummary(prisma, pool(), tenantId, now);
  if (!summary) return null;
  return { summary, usage: await loadUsageChart(summary.tenant.id, summary.tenant.timeZone, now) };
}

/** Admin only: one tenant's detail, standing, usage and decision log, the plans and models; null if none. */
export async function loadAdminTenant(id: string, now: Date, searchParams: SearchParams) {
  const detail = await loadTenantDetail(prisma, id);
  if (!detail) return null;
  const { id: tenantId, timeZone } = detail.tenant;
  const [standing, plans, models, usage, decisions] = await Promise.all([
    loadTenantStanding(prisma, pool(), tenantId, now),
    listPlans(prisma),
    listModels(prisma),
    loadUsageChart(tenantId, timeZone, now),
    loadTenantDecisions(tenantId, timeZone, searchParams),
  ]);
  return standing && { detail, standing, plans, models, usage, decisions };
}
