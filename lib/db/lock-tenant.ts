// The row lock every admin change to a tenant takes first, so two operators' changes to one tenant
// take turns and each audit row's "before" is what the change really replaced.
import { tenantScope } from "@/lib/db/tenant-scope";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Locks a tenant's row for the rest of the transaction (404 when there is none). FOR NO KEY
 * UPDATE, not FOR UPDATE: the hot path's inserts take KEY SHARE on the tenant through their
 * foreign keys while holding the balance row, and must never wait for an admin change.
 */
export async function lockTenant(tx: Prisma.TransactionClient, tenantId: string): Promise<void> {
  const rows = await tx.$queryRaw<
    Array<{ id: string }>
  >`SELECT id FROM "Tenant" WHERE id = ${tenantScope(tenantId).tenantId} FOR NO KEY UPDATE`;
  if (rows.length === 0) throw new AppError("not_found", "No tenant has this id.");
}
