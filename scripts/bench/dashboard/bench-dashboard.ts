// `npm run bench:dashboard`: server-side data time of the three heaviest pages — admin overview,
// tenants table, the busiest tenant's page — p50/p95 over 20 loads each, after 2 warm-up loads.
// Two numbers per page: the whole page as the production server renders it for a signed-in admin
// (scripts/bench/dashboard/page-timing.ts), and the data work alone (the functions the page calls, in
// process). Run after `npm run seed:large` on the same DATABASE_URL (`--data-only` skips the server).
import "dotenv/config";

import pg from "pg";

import { listDecisions } from "@/lib/dashboard/decision-log";
import { monthMoney, refusalsByCode, stripeProblems, summarizeTenants } from "@/lib/dashboard/overview";
import { loadTenantStanding } from "@/lib/dashboard/tenant-summary";
import { usageSeries } from "@/lib/dashboard/usage-series";
import { createPrismaClient } from "@/lib/db";
import { createPool } from "@/lib/db/pool";
import { databaseUrl } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadTenantDetail } from "@/lib/tenants/tenant-detail";
import { loadModelPrices, loadTenantStates } from "@/lib/tenants/tenant-states";
import { queryTenants, tenantsQuerySchema } from "@/lib/tenants/tenants-query";
import { timePagesOverHttp, type Timing } from "@/scripts/bench/dashboard/page-timing";

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
      const [states, models] = await Promise.all([
        loadTenantStates(db, now),
        loadModelPrices(db),
        monthMoney(db, now),
        refusalsByCode(db, now),
        stripeProblems(db),
      ]);
      summarizeTenants(states, models, now);
    },
    "Tenants table (/admin/tenants, sorted by balance)": async () => {
      const now = new Date();
      const [states, models] = await Promise.all([loadTenantStates(db, now), loadModelPrices(db)]);
      queryTenants(
        states,
        models,
        tenantsQuerySchema.parse({ sort: "balance", dir: "desc", risk: "warn" }),
        now,
      );
    },
    "Busiest tenant's page (/admin/tenants/[id])": async () => {
      const now = new Date();
      const detail = await loadTenantDetail(prisma, busyTenantId);
      // What the page loads: the standing (state, health, live summary), the chart and the decision log.
      await Promise.all([
        loadTenantStanding(prisma, db, busyTenantId, now),
        usageSeries(db, busyTenantId, detail!.tenant.timeZone, 90, now),
        listDecisions(prisma, tenantsDecisionFilter, { scopeTenantId: busyTenantId, pageSize: 20 }),
      ]);
    },
  };
}

const tenantsDecisionFilter = { outcome: "all" as const };

/** The URL each timed page is served at (the same names as pages()). */
const PAGE_PATHS: Record<string, (busyTenantId: string) => string> = {
  "Admin overview (/admin)": () => "/admin",
  "Tenants table (/admin/tenants, sorted by balance)": () => "/admin/tenants?sort=balance&dir=desc&risk=warn",
  "Busiest tenant's page (/admin/tenants/[id])": (id) => `/admin/tenants/${id}`,
};

async function main() {
  const db = createPool(databaseUrl(), 8);
  const prisma = createPrismaClient(databaseUrl(), 8);
  try {
    const {
      rows: [busy],
    } = await db.query<{ id: string; n: string }>(
      `SELECT "tenantId" AS id, count(*)::text AS n FROM "UsageRollup" GROUP BY 1 ORDER BY sum(requests) DESC LIMIT 1`,
    );
    const {
      rows: [events],
    } = await db.query<{ n: string }>(
      `SELECT reltuples::bigint::text AS n FROM pg_class WHERE relname = 'UsageEvent'`,
    );
    if (!busy) throw new Error("No usage: run npm run seed:large first.");
    console.log(
      `Data: ~${Number(events?.n ?? 0).toLocaleString("en-US")} usage events; busiest tenant ${busy.id}. ${LOADS} loads each after 2 warm-ups.\n`,
    );
    const names = Object.keys(PAGE_PATHS);
    const data = new Map<string, Awaited<ReturnType<typeof time>>>();
    for (const [name, fn] of Object.entries(pages(prisma, db, busy.id))) data.set(name, await time(fn));
    const http = process.argv.includes("--data-only")
      ? new Map<string, Timing>()
      : await timePagesOverHttp({
          prisma,
          databaseUrl: databaseUrl(),
          root: process.cwd(),
          loads: LOADS,
          percentile,
          pages: Object.fromEntries(names.map((n) => [n, PAGE_PATHS[n]!(busy.id)])),
        });
    const ms = (t: Timing | undefined, k: keyof Timing) => (t ? `${t[k].toFixed(1)} ms` : "–");
    console.log(
      "| Page | whole page p50 | whole page p95 | data p50 | data p95 |\n|---|---:|---:|---:|---:|",
    );
    for (const name of names) {
      const h = http.get(name);
      const d = data.get(name);
      console.log(`| ${name} | ${ms(h, "p50")} | ${ms(h, "p95")} | ${ms(d, "p50")} | ${ms(d, "p95")} |`);
    }
    console.log(
      "\nWhole page: the production server rendering the page for a signed-in admin, request to last byte. Data: the page's queries and domain work in process.",
    );
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
