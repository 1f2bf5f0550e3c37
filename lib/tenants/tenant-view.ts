// A tenant as the admin API shows it (plan, balance, billing, keys).
import { tenantScope } from "@/lib/db/tenant-scope";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { apiKeyJson } from "@/lib/keys/api-key-json";

type Db = Pick<Prisma.TransactionClient, "tenant">;

const include = {
  plan: { select: { key: true, name: true } },
  creditBalance: { select: { available: true, reserved: true } },
  // The decision path reads the most recently updated subscription; so does this view.
  subscriptions: { orderBy: { updatedAt: "desc" }, take: 1 },
  apiKeys: { orderBy: { createdAt: "asc" } },
} satisfies Prisma.TenantInclude;

export type TenantRow = Prisma.TenantGetPayload<{ include: typeof include }>;

export async function loadTenant(db: Db, tenantId: string): Promise<TenantRow> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantScope(tenantId).tenantId }, include });
  if (!tenant) throw new AppError("not_found", "No tenant has this id.");
  return tenant;
}

/** What an operator sets on a tenant: the before/after of its audit rows. */
export function tenantSettings(t: TenantRow) {
  return {
    name: t.name,
    slug: t.slug,
    planKey: t.plan.key,
    timeZone: t.timeZone,
    status: t.status,
    dailySpendCap: t.dailySpendCap?.toString() ?? null,
    monthlySpendCap: t.monthlySpendCap?.toString() ?? null,
  };
}

export function billingJson(s: TenantRow["subscriptions"][number] | undefined) {
  if (!s) return null;
  return {
    mode: s.mode === "MANUAL" ? "manual" : "stripe",
    status: s.status,
    currentPeriodEnd: s.currentPeriodEnd?.toISOString() ?? null,
    pastDueSince: s.pastDueSince?.toISOString() ?? null,
  };
}

export function tenantJson(t: TenantRow) {
  return {
    id: t.id,
    ...tenantSettings(t),
    balance: {
      available: (t.creditBalance?.available ?? 0n).toString(),
      reserved: (t.creditBalance?.reserved ?? 0n).toString(),
    },
    billing: billingJson(t.subscriptions[0]),
    keys: t.apiKeys.map(apiKeyJson),
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}
