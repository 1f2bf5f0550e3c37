// Plans as operators price them: listed, and created or replaced by key. PUT semantics: the body
// is the whole plan, and a field left out takes its default (no quota, no context limit, every
// model, no grace). Tenants on the plan see the change within the decision cache's bound (5 s).
import { z } from "zod";

import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { AppError } from "@/lib/errors/app-error";
import type { Plan, PrismaClient } from "@/lib/generated/prisma/client";
import { clearContextCache } from "@/lib/keys/key-context";
import {
  assertKnownModels,
  bigIntInput,
  isUniqueViolation,
  microUsd,
  modelList,
} from "@/lib/validation/inputs";

export const planKeySchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,62}$/,
    "must be 1–63 lowercase letters, digits, - or _, starting with a letter or digit",
  );

export const planBodySchema = z.strictObject({
  name: z.string().trim().min(1, "is required").max(100),
  /** micro-USD per month; 0 = a free plan, which needs no subscription. */
  monthlyPrice: microUsd().default(0n),
  stripePriceId: z.string().min(1).max(255).nullable().default(null),
  /** Tokens per quota month; null = unlimited. */
  monthlyTokenQuota: bigIntInput("tokens", { max: 10n ** 18n })
    .nullable()
    .default(null),
  quotaMode: z.enum(["HARD", "SOFT"]).default("HARD"),
  requestsPerMinute: z.number().int("must be a whole number").min(1).max(10_000_000),
  maxContextTokens: z.number().int("must be a whole number").min(1).max(100_000_000).nullable().default(null),
  features: z.array(z.string().min(1).max(100)).max(100).default([]),
  /** Model ids; empty = every model. */
  allowedModels: modelList.default([]),
  pastDueGraceDays: z.number().int("must be a whole number").min(0).max(365).default(0),
  requiresPaymentMethod: z.boolean().default(false),
  topUpAmounts: z
    .array(microUsd({ min: 1n }))
    .max(20)
    .default([]),
});

export type PlanBody = z.infer<typeof planBodySchema>;

export function planJson(p: Plan) {
  return {
    key: p.key,
    name: p.name,
    monthlyPrice: p.monthlyPrice.toString(),
    stripePriceId: p.stripePriceId,
    monthlyTokenQuota: p.monthlyTokenQuota?.toString() ?? null,
    quotaMode: p.quotaMode,
    requestsPerMinute: p.requestsPerMinute,
    maxContextTokens: p.maxContextTokens,
    features: p.features,
    allowedModels: p.allowedModels,
    pastDueGraceDays: p.pastDueGraceDays,
    requiresPaymentMethod: p.requiresPaymentMethod,
    topUpAmounts: p.topUpAmounts.map(String),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export async function listPlans(prisma: PrismaClient) {
  const plans = await prisma.plan.findMany({ orderBy: [{ monthlyPrice: "asc" }, { key: "asc" }] });
  return plans.map(planJson);
}

export async function upsertPlan(prisma: PrismaClient, actor: AuditActor, key: string, body: PlanBody) {
  const result = await prisma.$transaction(async (tx) => {
    // Two PUTs of one new key would both see "absent"; the lock makes the second an update, so
    // the answer (201 or 200) and the audited `before` are true.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`plan:${key}`}))`;
    await assertKnownModels(tx, body.allowedModels, "allowedModels");
    const before = await tx.plan.findUnique({ where: { key } });
    const data = { ...body, key };
    const plan = await (before ? tx.plan.update({ where: { key }, data }) : tx.plan.create({ data })).catch(
      (e: unknown) => {
        if (isUniqueViolation(e))
          throw new AppError("conflict", "Another plan already uses this stripePriceId.", {
            errors: [{ path: "stripePriceId", message: "is already used by another plan" }],
          });
        throw e;
      },
    );
    await recordAudit(tx, actor, {
      action: "plan.upsert",
      tenantId: null,
      targetType: "Plan",
      targetId: plan.id,
      before: before && planJson(before),
      after: planJson(plan),
    });
    return { created: !before, plan: planJson(plan) };
  });
  clearContextCache();
  return result;
}
