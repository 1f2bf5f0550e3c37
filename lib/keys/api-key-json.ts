// An API key as the admin API shows it: never the secret (shown once, at creation) nor its hash.
import type { ApiKey } from "@/lib/generated/prisma/client";

export function apiKeyJson(k: ApiKey) {
  return {
    id: k.id,
    tenantId: k.tenantId,
    name: k.name,
    prefix: k.prefix,
    status: k.status,
    models: k.allowedModels,
    dailyBudget: k.dailySpendCap?.toString() ?? null,
    monthlyBudget: k.monthlySpendCap?.toString() ?? null,
    createdAt: k.createdAt.toISOString(),
    approvedAt: k.approvedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  };
}
