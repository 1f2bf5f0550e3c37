// API keys an operator issues, approves and revokes. The secret exists only in the answer to the
// create call: the database keeps its SHA-256 and a short prefix. Approve and revoke are safe to
// repeat (a repeat changes nothing and writes no audit row); a revoked key is never revived.
import { z } from "zod";

import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { lockTenant } from "@/lib/db/lock-tenant";
import { tenantScope } from "@/lib/db/tenant-scope";
import { AppError } from "@/lib/errors/app-error";
import type { ApiKey, Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { generateApiKey } from "@/lib/keys/api-key";
import { apiKeyJson } from "@/lib/keys/api-key-json";
import { clearContextCache } from "@/lib/keys/key-context";
import { assertKnownModels, microUsd, modelList } from "@/lib/validation/inputs";

export const createApiKeySchema = z.strictObject({
  name: z.string().trim().min(1, "is required").max(100),
  /** Narrows the plan's models; empty = the plan's list. */
  models: modelList.default([]),
  requireApproval: z.boolean().default(false),
  dailyBudget: microUsd().nullable().default(null),
  monthlyBudget: microUsd().nullable().default(null),
});

export async function createApiKey(
  prisma: PrismaClient,
  actor: AuditActor,
  tenantId: string,
  body: z.infer<typeof createApiKeySchema>,
) {
  const { secret, prefix, hash } = generateApiKey("live");
  const key = await prisma.$transaction(async (tx) => {
    await lockTenant(tx, tenantId);
    await assertKnownModels(tx, body.models, "models");
    const created = await tx.apiKey.create({
      data: {
        ...tenantScope(tenantId),
        name: body.name,
        prefix,
        hash,
        status: body.requireApproval ? "PENDING_APPROVAL" : "ACTIVE",
        allowedModels: body.models,
        dailySpendCap: body.dailyBudget,
        monthlySpendCap: body.monthlyBudget,
      },
    });
    await recordAudit(tx, actor, {
      action: "api_key.create",
      tenantId,
      targetType: "ApiKey",
      targetId: created.id,
      after: apiKeyJson(created),
    });
    return created;
  });
  return { ...apiKeyJson(key), secret };
}

type Transition = {
  action: "api_key.approve" | "api_key.revoke";
  from: ApiKey["status"][];
  data: (now: Date) => Prisma.ApiKeyUpdateInput;
};

const APPROVE: Transition = {
  action: "api_key.approve",
  from: ["PENDING_APPROVAL"],
  data: (now) => ({ status: "ACTIVE", approvedAt: now }),
};
const REVOKE: Transition = {
  action: "api_key.revoke",
  from: ["PENDING_APPROVAL", "ACTIVE"],
  data: (now) => ({ status: "REVOKED", revokedAt: now }),
};

async function transition(prisma: PrismaClient, actor: AuditActor, keyId: string, t: Transition, now: Date) {
  const key = await prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      Array<{ id: string }>
    >`SELECT id FROM "ApiKey" WHERE id = ${keyId} FOR NO KEY UPDATE`;
    if (!locked) throw new AppError("not_found", "No API key has this id.");
    const before = await tx.apiKey.findUniqueOrThrow({ where: { id: keyId } });
    if (t === APPROVE && before.status === "REVOKED")
      throw new AppError("conflict", "This key is revoked and cannot be approved. Create a new key.");
    if (!t.from.includes(before.status)) return before;
    const after = await tx.apiKey.update({ where: { id: keyId }, data: t.data(now) });
    await recordAudit(tx, actor, {
      action: t.action,
      tenantId: after.tenantId,
      targetType: "ApiKey",
      targetId: after.id,
      before: { status: before.status },
      after: { status: after.status },
    });
    return after;
  });
  clearContextCache();
  return apiKeyJson(key);
}

export const approveApiKey = (prisma: PrismaClient, actor: AuditActor, keyId: string, now = new Date()) =>
  transition(prisma, actor, keyId, APPROVE, now);
export const revokeApiKey = (prisma: PrismaClient, actor: AuditActor, keyId: string, now = new Date()) =>
  transition(prisma, actor, keyId, REVOKE, now);
