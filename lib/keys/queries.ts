// What the key pages read. Always scoped to the tenant whose keys they are.
import "server-only";

import { prisma } from "@/lib/db";
import { tenantScope } from "@/lib/db/tenant-scope";

/** A tenant's keys, active before revoked, newest first. */
export async function listTenantKeys(tenantId: string) {
  return prisma.apiKey.findMany({
    where: tenantScope(tenantId),
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
  });
}
