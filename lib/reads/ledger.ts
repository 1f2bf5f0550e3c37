// A tenant's credit ledger for the admin read API, newest first, optionally by kind. Money is
// micro-USD as decimal strings; `balanceAfter` is the available balance after the entry.
import { after, NEWEST_FIRST, toPage, unknownCursor, type PageRequest } from "@/lib/db/page";
import { tenantScope } from "@/lib/db/tenant-scope";
import type { CreditLedgerEntry, PrismaClient } from "@/lib/generated/prisma/client";
import type { LedgerKind } from "@/lib/generated/prisma/enums";
import { requireTenant } from "@/lib/reads/require-tenant";

export function ledgerEntryJson(e: CreditLedgerEntry) {
  return {
    id: e.id.toString(),
    tenantId: e.tenantId,
    kind: e.kind,
    amount: e.amount.toString(),
    balanceAfter: e.balanceAfter.toString(),
    reservationId: e.reservationId,
    grantId: e.grantId,
    stripeObjectId: e.stripeObjectId,
    actor: { kind: e.actorKind, id: e.actorId },
    reason: e.reason,
    idempotencyKey: e.idempotencyKey,
    createdAt: e.createdAt.toISOString(),
  };
}

export async function listLedger(
  prisma: PrismaClient,
  tenantId: string,
  q: PageRequest & { kind?: LedgerKind },
) {
  await requireTenant(prisma, tenantId);
  const scope = tenantScope(tenantId);
  // Entry ids are integers: anything else cannot name one.
  const id = q.startingAfter && /^\d{1,19}$/.test(q.startingAfter) ? BigInt(q.startingAfter) : null;
  const cursor =
    id === null
      ? null
      : await prisma.creditLedgerEntry.findFirst({
          where: { ...scope, id },
          select: { createdAt: true, id: true },
        });
  if (q.startingAfter && !cursor) throw unknownCursor();
  const rows = await prisma.creditLedgerEntry.findMany({
    where: { ...scope, ...(q.kind ? { kind: q.kind } : {}), ...after(cursor) },
    orderBy: NEWEST_FIRST,
    take: q.limit + 1,
  });
  return toPage(rows, q, ledgerEntryJson);
}
