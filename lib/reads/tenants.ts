// The admin read API's tenant list: newest first, by plan, status, current subscription status
// and whether the tenant's calls are refused right now. "Refused right now" is the dashboard's own
// answer (lib/tenants/tenant-health.ts: decide() on a probe call over the tenant's state), so the
// API and the screens never disagree about who is refusing.
//
// Plan, status and subscription filter in SQL, keyset-paged. `refusing` is not a column: it is
// judged per tenant in memory, so pages are filled by scanning the filtered tenants in order, a
// chunk at a time, until a page and one more are found (worst case: every tenant, as the
// dashboard's own list reads them all).
import type pg from "pg";

import { toPage, unknownCursor, type Cursor, type PageRequest } from "@/lib/db/page";
import { utc } from "@/lib/db/pool";
import type { SubscriptionStatus } from "@/lib/decisions/types";
import { tenantHealth, type TenantHealth } from "@/lib/tenants/tenant-health";
import { loadModelPrices, loadTenantStates, type TenantStateRow } from "@/lib/tenants/tenant-states";
import { invalidField } from "@/lib/validation/inputs";

export type TenantListQuery = PageRequest & {
  plan?: string;
  status?: "ACTIVE" | "SUSPENDED";
  /** The current subscription's status, or "none" for a tenant with no subscription. */
  subscription?: SubscriptionStatus | "none";
  refusing?: boolean;
};

type Item = { state: TenantStateRow; health: TenantHealth };

export function tenantListItemJson({ state: t, health: h }: Item) {
  return {
    id: t.id,
    name: t.name,
    slug: t.slug,
    planKey: t.plan.key,
    status: t.status,
    timeZone: t.timeZone,
    subscription: t.subscription
      ? { status: t.subscription.status, pastDueSince: t.subscription.pastDueSince?.toISOString() ?? null }
      : null,
    balance: { available: t.available.toString(), reserved: t.reserved.toString() },
    health: {
      level: h.level,
      refusal: h.decision.allowed ? null : { code: h.decision.code, detail: h.decision.detail },
      warnings: h.warnings,
    },
    createdAt: t.createdAt.toISOString(),
  };
}

// $1 plan key, $2 status, $3 subscription status ('none': no subscription), $4/$5 the cursor,
// $6 how many. The current subscription is the most recently updated one, as everywhere else.
const IDS_SQL = `
SELECT t.id, t."createdAt" FROM "Tenant" t JOIN "Plan" p ON p.id = t."planId"
WHERE ($1::text IS NULL OR p.key = $1)
  AND ($2::text IS NULL OR t.status::text = $2)
  AND ($3::text IS NULL OR coalesce(
        (SELECT s.status::text FROM "Subscription" s WHERE s."tenantId" = t.id ORDER BY s."updatedAt" DESC LIMIT 1),
        'none') = $3)
  AND ($4::timestamp IS NULL OR (t."createdAt", t.id) < ($4::timestamp, $5::text))
ORDER BY t."createdAt" DESC, t.id DESC
LIMIT $6`;

const SCAN_CHUNK = 200;

export async function listTenants(
  db: pg.Pool,
  q: TenantListQuery,
  opts: { now?: Date; scanChunk?: number } = {},
) {
  const now = opts.now ?? new Date();
  if (q.plan) {
    const { rowCount } = await db.query(`SELECT 1 FROM "Plan" WHERE key = $1`, [q.plan]);
    if (!rowCount) throw invalidField("plan", `unknown plan "${q.plan}"`);
  }
  let cursor: Cursor<string> | null = null;
  if (q.startingAfter) {
    const { rows } = await db.query<Cursor<string>>(`SELECT id, "createdAt" FROM "Tenant" WHERE id = $1`, [
      q.startingAfter,
    ]);
    cursor = rows[0] ?? null;
    if (!cursor) throw unknownCursor();
  }
  const models = await loadModelPrices(db);
  const want = q.limit + 1;
  const found: Item[] = [];
  for (;;) {
    const chunk =
      q.refusing === undefined ? want - found.length : (opts.scanChunk ?? Math.max(want, SCAN_CHUNK));
    const { rows: ids } = await db.query<Cursor<string>>(IDS_SQL, [
      q.plan ?? null,
      q.status ?? null,
      q.subscription ?? null,
      cursor ? utc(cursor.createdAt) : null,
      cursor?.id ?? null,
      chunk,
    ]);
    if (ids.length === 0) break;
    const states = await loadTenantStates(
      db,
      now,
      ids.map((r) => r.id),
    );
    const byId = new Map(states.map((state) => [state.id, state] as const));
    for (const { id } of ids) {
      const state = byId.get(id);
      if (!state) continue; // deleted between the two reads
      const health = tenantHealth(state, models, now);
      if (q.refusing === undefined || (health.level === "refusing") === q.refusing)
        found.push({ state, health });
      if (found.length === want) break;
    }
    cursor = ids[ids.length - 1]!;
    if (found.length === want || ids.length < chunk) break;
  }
  return toPage(found, q, tenantListItemJson);
}
