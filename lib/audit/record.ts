// The audit trail: one AuditLog row per change, written with the transaction client of the change
// itself, so the change and its row commit or roll back together — never a change without its
// row, never a row for a change that did not happen.
import type { ActorKind, Prisma } from "@/lib/generated/prisma/client";

export type AuditActor = { kind: ActorKind; id: string | null; ip: string | null };

/** An actor as one string, for a row that records who wrote it: "ADMIN_TOKEN", "USER:<id>", "SYSTEM". */
export function actorName(actor: Pick<AuditActor, "kind" | "id">): string {
  return actor.id ? `${actor.kind}:${actor.id}` : actor.kind;
}

export type AuditEntry = {
  /** `<area>.<verb>`, e.g. "tenant.create", "credits.grant", "api_key.revoke". */
  action: string;
  tenantId: string | null;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
  /** What caused it when not a person, e.g. a Stripe event id. */
  causeId?: string;
};

/** A value as JSON the column can hold: BigInt as a decimal string (never a lossy number), Date as ISO 8601. */
export function auditJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}

export async function recordAudit(
  tx: Prisma.TransactionClient,
  actor: AuditActor,
  entry: AuditEntry,
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorKind: actor.kind,
      actorId: actor.id,
      ip: actor.ip,
      tenantId: entry.tenantId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      before: auditJson(entry.before),
      after: auditJson(entry.after),
      causeId: entry.causeId ?? null,
    },
  });
}
