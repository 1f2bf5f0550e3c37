// `npm run bench:dashboard`: server-side data time of the three heaviest pages — admin overview,
// tenants table, the busiest tenant's page — p50/p95 over 20 loads each, after 2 warm-up loads.
// It times exactly the functions the pages call (queries and domain work, in process); HTML
// rendering is not included. Run after `npm run seed:large` on the same DATABASE_URL.
import "dotenv/config";
import pg from "pg";
import { databaseUrl } from "@/lib/env";
import { createPrismaClient } from "@/lib/db";
import { createPool } from "@/lib/db/pool";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { listDecisions } from "@/lib/dashboard/decision-log";
import { monthMoney, refusalsByCode, stripeProblems, summarizeTenants } from "@/lib/dashboard/overview";
import { loadTenantDetail } from "@/lib/dashboard/tenant-detail";
import { tenantHealth } from "@/lib/dashboard/tenant-health";
import { loadModelPrices, loadTenantStates } from "@/lib/dashboard/tenant-states";
import { queryTenants, tenantsQuerySchema } from "@/lib/dashboard/tenants-query";
import { usageSeries } from "@/lib/dashboard/usage-series";

const LOADS = 20;

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number; max: number }> {
  for (let i = 0; i < 2; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), max: ms[ms.length - 1]! };
}

export function pages(prisma: PrismaClient, db: pg.Pool, busyTenantId: string) {
  return {
    "Admin overview (/admin)": async () => {
      const now = new Date();
      const [states, models] = await Promise.all([loadTenantStates(db, now), loadModelPrices(db), monthMoney(db, now), refusalsByCode(db, now), stripeProblems(db)]);
      summarizeTenants(states, models, now);
    },
    "Tenants table (/admin/tenants, sorted by balance)": async () => {
      const now = new Date();
      const [states, models] = await Promise.all([loadTenantStates(db, now), loadModelPrices(db)]);
      queryTenants(states, models, tenantsQuerySchema.parse({ sort: "balance", dir: "desc", risk: "warn" }), now);
    },
    "Busiest tenant's page (/admin/tenants/[id])": async () => {
      const now = new Date();
      const detail = await loadTenantDetail(prisma, busyTenantId);
      const [[state], models] = await Promise.all([
        loadTenantStates(db, now, [busyTenantId]), loadModelPrices(db),
        usageSeries(db, busyTenantId, detail!.tenant.timeZone, 90, now),
        listDecisions(prisma, tenantsDecisionFilter, { scopeTenantId: busyTenantId, pageSize: 20 }),
      ]);
      tenantHealth(state!, models, now);
    },
  };
}

const tenantsDecisionFilter = { outcome: "all" as const };

async function main() {
  const db = createPool(databaseUrl(), 8);
  const prisma = createPrismaClient(databaseUrl(), 8);
  try {
    const { rows: [busy] } = await db.query<{ id: string; n: string }>(`SELECT "tenantId" AS id, count(*)::text AS n FROM "UsageRollup" GROUP BY 1 ORDER BY sum(requests) DESC LIMIT 1`);
    const { rows: [events] } = await db.query<{ n: string }>(`SELECT reltuples::bigint::text AS n FROM pg_class WHERE relname = 'UsageEvent'`);
    if (!busy) throw new Error("No usage: run npm run seed:large first.");
    console.log(`Data: ~${Number(events?.n ?? 0).toLocaleString("en-US")} usage events; busiest tenant ${busy.id}. ${LOADS} loads each after 2 warm-ups.\n`);
    console.log("| Page | p50 | p95 | max |\n|---|---:|---:|---:|");
    for (const [name, fn] of Object.entries(pages(prisma, db, busy.id))) {
      const r = await time(fn);
      console.log(`| ${name} | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.max.toFixed(1)} ms |`);
    }
  } finally {
    await db.end();
    await prisma.$disconnect();
  }
}

if (process.argv[1]?.endsWith("bench-dashboard.ts")) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
