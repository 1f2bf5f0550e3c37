// The admin tenants table's query: search, filters, sort and pages, applied on the server to the
// tenants' states (one query for all tenants, lib/tenants/tenant-states.ts) so the browser only
// ever receives one page. Parsed from the URL with zod; anything unknown falls back to a default.
import { z } from "zod";

import type { ModelPrice } from "@/lib/decisions/cost";
import { tenantHealth, type TenantHealth } from "@/lib/tenants/tenant-health";
import type { TenantStateRow } from "@/lib/tenants/tenant-states";

export const SORTS = ["name", "balance", "daysLeft", "quota", "risk"] as const;
export const PAGE_SIZES = [10, 25, 50] as const;

export const tenantsQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  plan: z.string().max(63).optional().catch(undefined),
  sub: z.string().max(40).optional().catch(undefined),
  risk: z.enum(["ok", "warn", "refusing"]).optional().catch(undefined),
  sort: z.enum(SORTS).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  size: z.coerce
    .number()
    .pipe(
      z.union(PAGE_SIZES.map((n) => z.literal(n)) as [z.ZodLiteral<10>, z.ZodLiteral<25>, z.ZodLiteral<50>]),
    )
    .catch(25),
});
export type TenantsQuery = z.infer<typeof tenantsQuerySchema>;

export type TenantListItem = { state: TenantStateRow; health: TenantHealth };

const RISK_RANK = { refusing: 0, warn: 1, ok: 2 } as const;

function compare(a: TenantListItem, b: TenantListItem, sort: TenantsQuery["sort"]): number {
  switch (sort) {
    case "balance":
      return a.state.available < b.state.available ? -1 : a.state.available > b.state.available ? 1 : 0;
    // No burn (null) sorts as the most days left.
    case "daysLeft":
      return (a.health.daysLeft ?? Infinity) - (b.health.daysLeft ?? Infinity);
    case "quota":
      return (a.health.quotaPct ?? -1) - (b.health.quotaPct ?? -1);
    case "risk":
      return RISK_RANK[a.health.level] - RISK_RANK[b.health.level];
    default:
      return a.state.name.localeCompare(b.state.name);
  }
}

export function queryTenants(states: TenantStateRow[], models: ModelPrice[], q: TenantsQuery, now: Date) {
  const needle = q.q?.toLowerCase();
  const items = states
    .map((state) => ({ state, health: tenantHealth(state, models, now) }))
    .filter(
      ({ state, health }) =>
        (!needle || state.name.toLowerCase().includes(needle) || state.slug.includes(needle)) &&
        (!q.plan || state.plan.key === q.plan) &&
        (!q.sub || (q.sub === "none" ? !state.subscription : state.subscription?.status === q.sub)) &&
        (!q.risk || health.level === q.risk),
    );
  const sign = q.dir === "desc" ? -1 : 1;
  items.sort((a, b) => sign * compare(a, b, q.sort) || a.state.name.localeCompare(b.state.name));
  const pages = Math.max(1, Math.ceil(items.length / q.size));
  const page = Math.min(q.page, pages);
  return { total: items.length, page, pages, rows: items.slice((page - 1) * q.size, page * q.size) };
}
