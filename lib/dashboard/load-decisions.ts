// The decision log's loaders: the filter read from the URL (bad values fall back, never throw),
// the rows as the browser gets them (decisionView) and the cursor of the next page.
import "server-only";

import { decisionFilterSchema, listDecisions } from "@/lib/dashboard/decision-log";
import { decisionView } from "@/lib/dashboard/decision-view";
import { prisma } from "@/lib/db";
import { tenantScope } from "@/lib/db/tenant-scope";

type SearchParams = Record<string, string | string[] | undefined>;

/** One tenant's log, 20 a page, times in its zone, with its keys to filter by. */
export async function loadTenantDecisions(tenantId: string, timeZone: string, searchParams: SearchParams) {
  const filter = decisionFilterSchema.parse(searchParams);
  const [{ rows, next }, keys] = await Promise.all([
    listDecisions(prisma, filter, { scopeTenantId: tenantId, pageSize: 20 }),
    prisma.apiKey.findMany({
      where: tenantScope(tenantId),
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true, prefix: true },
    }),
  ]);
  return { filter, rows: rows.map((d) => decisionView(d, timeZone)), next, keys };
}

/** Admin only: every tenant's log, each time in its tenant's zone, with the tenants to filter by. */
export async function loadDecisionLog(searchParams: SearchParams) {
  const filter = decisionFilterSchema.parse(searchParams);
  const [{ rows, next }, tenants] = await Promise.all([
    listDecisions(prisma, filter),
    prisma.tenant.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { filter, rows: rows.map((d) => decisionView(d)), next, tenants };
}
