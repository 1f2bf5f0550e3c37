// An operator's credit grant (or deduction) as the admin API takes and answers it. A repeat of an
// idempotency key answers the first result, byte for byte; the same key with a different amount,
// reason or expiry is a different grant and is refused, as Stripe refuses a reused key.
import { z } from "zod";

import type { AuditActor } from "@/lib/audit/record";
import { AppError } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { grantCredits, type GrantApplied } from "@/lib/ledger/grant-credits";
import { isoDate, MAX_MICRO_USD, microUsd } from "@/lib/validation/inputs";

export const grantCreditsSchema = z
  .strictObject({
    /** micro-USD; negative deducts (never below an available balance of 0). */
    amount: microUsd({ min: -MAX_MICRO_USD }).refine((n) => n !== 0n, "must not be zero"),
    reason: z.string().trim().min(1, "is required").max(500),
    idempotencyKey: z.string().min(1, "is required").max(128),
    expiresAt: isoDate.refine((d) => d.getTime() > Date.now(), "must be in the future").optional(),
  })
  .refine((b) => !(b.expiresAt && b.amount < 0n), {
    path: ["expiresAt"],
    message: "only a grant (a positive amount) can expire",
  });

export function creditEntryJson({ entry, grant }: GrantApplied, idempotencyKey: string) {
  return {
    id: entry.id.toString(),
    tenantId: entry.tenantId,
    kind: entry.kind,
    amount: entry.amount.toString(),
    balanceAfter: entry.balanceAfter.toString(),
    reason: entry.reason,
    idempotencyKey,
    grant: grant && { id: grant.id, expiresAt: grant.expiresAt?.toISOString() ?? null },
    createdAt: entry.createdAt.toISOString(),
  };
}

export async function grantTenantCredits(
  prisma: PrismaClient,
  actor: AuditActor,
  tenantId: string,
  body: z.infer<typeof grantCreditsSchema>,
) {
  const result = await grantCredits(prisma, actor, { tenantId, ...body, expiresAt: body.expiresAt ?? null });
  switch (result.outcome) {
    case "tenant_not_found":
      throw new AppError("not_found", "No tenant has this id.");
    case "insufficient":
      throw new AppError(
        "insufficient_credits",
        `Deducting ${-body.amount} micro-USD would take the available balance (${result.available}) below 0.`,
        { available: result.available.toString() },
      );
    case "key_reused":
      throw new AppError(
        "idempotency_key_reused",
        "This idempotencyKey was used for a different grant (amount, reason or expiry differ).",
        {
          original: creditEntryJson(result, body.idempotencyKey),
        },
      );
    default:
      return { replayed: result.outcome === "replayed", body: creditEntryJson(result, body.idempotencyKey) };
  }
}
