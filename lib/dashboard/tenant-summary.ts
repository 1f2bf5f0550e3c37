// A tenant's standing as plain JSON: the server page renders it first, and the live parts
// (balance, banner, recent refusals) refresh with the same shape — the tenant's home from
// GET /api/dashboard/summary, an administrator's tenant page from /api/dashboard/tenants/{id}/summary.
// Money as decimal strings of micro-USD (BigInt does not survive JSON).
import type pg from "pg";

import { listDecisions } from "@/lib/dashboard/decision-log";
import { decisionView } from "@/lib/dashboard/decision-view";
import { tenantScope } from "@/lib/db/tenant-scope";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { healthBanner, tenantHealth } from "@/lib/tenants/tenant-health";
import { loadModelPrices, loadTenantStates } from "@/lib/tenants/tenant-states";

/** A tenant's standing and what it was derived from (pages that also need the state read it once). */
export async function loadTenantStanding(
  prisma: PrismaClient,
  db: pg.Pool,
  tenantId: string,
  now = new Date(),
) {
  const scope = tenantScope(tenantId);
  const [[state], models, refusals] = await Promise.all([
    loadTenantStates(db, now, [scope.tenantId]),
    loadModelPrices(db, now),
    listDecisions(prisma, { outcome: "refused" }, { scopeTenantId: scope.tenantId, pageSize: 5 }),
  ]);
  if (!state) return null;
  const health = tenantHealth(state, models, now);
  const summary = {
    tenant: {
      id: state.id,
      name: state.name,
      timeZone: state.timeZone,
      planName: state.plan.name,
      status: state.status,
      subscription: state.subscription?.status ?? null,
    },
    balance: { available: state.available.toString(), reserved: state.reserved.toString() },
    burnPerDay: health.burnPerDay.toString(),
    daysLeft: health.daysLeft,
    quota: {
      used: state.quotaUsed.toString(),
      limit: state.plan.monthlyTokenQuota?.toString() ?? null,
      resetsAt: state.quotaResetsAt?.toISOString() ?? null,
    },
    card: state.card,
    banner: healthBanner(health),
    /** The remedy decide() gives the tenant's calls now (null while they go through). */
    remedy: health.decision.allowed ? null : health.decision.remedy,
    recentRefusals: refusals.rows.map((d) => decisionView(d, state.timeZone)),
    at: now.toISOString(),
  };
  return { state, health, summary };
}

export async function tenantSummary(prisma: PrismaClient, db: pg.Pool, tenantId: string, now = new Date()) {
  return (await loadTenantStanding(prisma, db, tenantId, now))?.summary ?? null;
}

export type TenantSummary = NonNullable<Awaited<ReturnType<typeof tenantSummary>>>;
