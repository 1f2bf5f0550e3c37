// Granting (or, with a negative amount, deducting) credits by hand, exactly once per
// (tenant, idempotencyKey). One transaction: lock the balance row, insert the ledger entry
// (ON CONFLICT DO NOTHING: the unique (tenantId, idempotencyKey) decides whether this is the
// first request), move the balance with one conditional UPDATE, record the grant and the audit
// row. Ordering is load-bearing: the lock comes first so `balanceAfter` is exact when the entry is
// written, and a repeat of a deduction is answered from its entry before the balance is judged.
// Invariants kept: available = the sum of the tenant's ledger amounts, never below 0 here.
import { randomUUID } from "node:crypto";

import { afterWrite } from "@/lib/alerts/after-write";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { prismaRunner } from "@/lib/db/sql-runner";
import { tenantScope } from "@/lib/db/tenant-scope";
import type { CreditGrant, CreditLedgerEntry, Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { consumeGrants } from "@/lib/ledger/consume-grants";

export type GrantInput = {
  tenantId: string;
  /** micro-USD; positive = a GRANT (with a CreditGrant row), negative = an ADJUSTMENT. */
  amount: bigint;
  reason: string;
  idempotencyKey: string;
  expiresAt: Date | null;
};

export type GrantApplied = { entry: CreditLedgerEntry; grant: CreditGrant | null };

export type GrantResult =
  | ({ outcome: "granted" | "replayed" } & GrantApplied)
  /** The key was used for a different amount, reason or expiry: not a repeat. */
  | ({ outcome: "key_reused" } & GrantApplied)
  | { outcome: "insufficient"; available: bigint }
  | { outcome: "tenant_not_found" };

/** Ledger keys are shared with the hot path ("reserve:", "charge:"): an operator's key gets its own namespace. */
export const grantLedgerKey = (idempotencyKey: string) => `grant:${idempotencyKey}`;

class Insufficient extends Error {
  constructor(readonly available: bigint) {
    super("insufficient credits");
  }
}

async function firstResult(tx: Prisma.TransactionClient, input: GrantInput): Promise<GrantResult> {
  const entry = await tx.creditLedgerEntry.findUniqueOrThrow({
    where: {
      tenantId_idempotencyKey: {
        ...tenantScope(input.tenantId),
        idempotencyKey: grantLedgerKey(input.idempotencyKey),
      },
    },
  });
  const grant = entry.grantId ? await tx.creditGrant.findUnique({ where: { id: entry.grantId } }) : null;
  const same =
    entry.amount === input.amount &&
    entry.reason === input.reason &&
    (grant?.expiresAt?.getTime() ?? null) === (input.expiresAt?.getTime() ?? null);
  return { outcome: same ? "replayed" : "key_reused", entry, grant };
}

export async function grantCredits(
  prisma: PrismaClient,
  actor: AuditActor,
  input: GrantInput,
  now = new Date(),
): Promise<GrantResult> {
  const { tenantId } = tenantScope(input.tenantId);
  try {
    return await prisma.$transaction(
      async (tx): Promise<GrantResult> => {
        const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { id: true } });
        if (!tenant) return { outcome: "tenant_not_found" };
        await tx.$executeRaw`INSERT INTO "CreditBalance" ("tenantId", available, reserved, "updatedAt") VALUES (${tenantId}, 0, 0, now() AT TIME ZONE 'UTC') ON CONFLICT DO NOTHING`;
        const [locked] = await tx.$queryRaw<
          Array<{ available: bigint }>
        >`SELECT available FROM "CreditBalance" WHERE "tenantId" = ${tenantId} FOR UPDATE`;
        const balanceAfter = locked!.available + input.amount;
        const isGrant = input.amount > 0n;
        const grantId = isGrant ? `grant_${randomUUID()}` : null;
        const [entry] = await tx.creditLedgerEntry.createManyAndReturn({
          data: [
            {
              tenantId,
              kind: isGrant ? "GRANT" : "ADJUSTMENT",
              amount: input.amount,
              balanceAfter,
              grantId,
              actorKind: actor.kind,
              actorId: actor.id,
              reason: input.reason,
              idempotencyKey: grantLedgerKey(input.idempotencyKey),
              createdAt: now,
            },
          ],
          skipDuplicates: true,
        });
        if (!entry) return firstResult(tx, input);

        const moved = await tx.$queryRaw<Array<{ available: bigint }>>`
        UPDATE "CreditBalance" SET available = available + ${input.amount}, "updatedAt" = now() AT TIME ZONE 'UTC'
        WHERE "tenantId" = ${tenantId} AND available + ${input.amount} >= 0 RETURNING available`;
        // Throwing rolls the entry back: a refused deduction leaves no trace.
        if (moved.length === 0) throw new Insufficient(locked!.available);
        if (!isGrant) await consumeGrants(prismaRunner(tx), tenantId, -input.amount, now);
        const grant = grantId
          ? await tx.creditGrant.create({
              data: {
                id: grantId,
                tenantId,
                amount: input.amount,
                remaining: input.amount,
                source: "ADMIN",
                expiresAt: input.expiresAt,
                createdAt: now,
              },
            })
          : null;
        await afterWrite(prismaRunner(tx), { tenantId, changed: "balance", now });
        await recordAudit(tx, actor, {
          action: isGrant ? "credits.grant" : "credits.adjust",
          tenantId,
          targetType: "CreditLedgerEntry",
          targetId: entry.id.toString(),
          before: { available: locked!.available },
          after: {
            available: moved[0]!.available,
            amount: input.amount,
            reason: input.reason,
            grantId,
            expiresAt: input.expiresAt,
          },
        });
        return { outcome: "granted", entry, grant };
      },
      { maxWait: 10_000, timeout: 30_000 },
    );
  } catch (e) {
    if (e instanceof Insufficient) return { outcome: "insufficient", available: e.available };
    throw e;
  }
}
