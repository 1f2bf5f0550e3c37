// The admin overview's loader: every tenant's standing summarized, this month's money and refusals,
// Stripe problems, the tenant list and the first firing alerts, read at once for one `now`.
import "server-only";

import { loadFiringAlerts } from "@/lib/alerts/load-alerts";
import { monthMoney, refusalsByCode, stripeProblems, summarizeTenants } from "@/lib/dashboard/overview";
import { pool } from "@/lib/db/pool";
import { listTenantsForAdmin } from "@/lib/tenants/queries";
import { loadModelPrices, loadTenantStates } from "@/lib/tenants/tenant-states";

export async function loadOverview(now: Date) {
  const [states, models, money, refusals, stripe, tenants, firing] = await Promise.all([
    loadTenantStates(pool(), now),
    loadModelPrices(pool(), now),
    monthMoney(pool(), now),
    refusalsByCode(pool(), now),
    stripeProblems(pool()),
    listTenantsForAdmin(),
    loadFiringAlerts(10),
  ]);
  return {
    ...summarizeTenants(states, models, now),
    /** Active models in the catalog: none means every authorize is refused (model_not_allowed). */
    activeModels: models.length,
    money,
    refusals,
    stripe,
    tenants,
    firing,
  };
}
