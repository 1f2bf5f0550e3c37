// A tenant's sub-lists (keys, ledger, decisions, usage) answer 404 for a tenant that does not
// exist, rather than an empty page that would hide a wrong id.
import { tenantScope } from "@/lib/db/tenant-scope";
import { AppError } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export async function requireTenant(
  prisma: PrismaClient,
  tenantId: string,
): Promise<{ id: string; timeZone: string }> {
  const tenant = await prisma.tenant.findUnique({
    where: { id: tenantScope(tenantId).tenantId },
    select: { id: true, timeZone: true },
  });
  if (!tenant) throw new AppError("not_found", "No tenant has this id.");
  return tenant;
}
