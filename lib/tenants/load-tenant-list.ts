// The admin tenant list's loader: every tenant's standing read for one `now`, then searched,
// filtered, sorted and paged in memory by the URL's query (lib/tenants/tenants-query.ts).
import "server-only";

import { prisma } from "@/lib/db";
import { pool } from "@/lib/db/pool";
import { listPlans } from "@/lib/tenants/tenant-detail";
import { loadModelPrices, loadTenantStates } from "@/lib/tenants/tenant-states";
import { queryTenants, type TenantsQuery } from "@/lib/tenants/tenants-query";

export async function loadTenantList(q: TenantsQuery, now: Date) {
  const [states, models, plans] = await Promise.all([
    loadTenantStates(pool(), now),
    loadModelPrices(pool(), now),
    listPlans(prisma),
  ]);
  return { result: queryTenants(states, models, q, now), tenantCount: states.length, plans };
}
