// The read API: the admin's paged lists of tenants and of a tenant's keys, ledger, decisions and
// usage, one decision by id, and a tenant's own usage. Queries are strict (an unknown parameter is
// a 422, so a misspelt filter never silently returns everything); lists are Stripe-style pages.
import { z } from "zod";

import { apiKeySchema, ledgerKind } from "@/lib/api/schemas/admin";
import { bigCount, microUsd, pageOf, pageQuery, timestamp } from "@/lib/api/schemas/wire";
import { REFUSAL_CODES, type RefusalCode } from "@/lib/decisions/codes";
import { ApiKeyStatus, SubscriptionStatus, TenantStatus } from "@/lib/generated/prisma/enums";

// ---- queries

const page = pageQuery.shape;

export const tenantsQuery = z.strictObject({
  ...page,
  plan: z.string().min(1).max(63).optional().meta({ description: "A plan key." }),
  status: z.enum(TenantStatus).optional(),
  subscription: z
    .enum({ ...SubscriptionStatus, none: "none" })
    .optional()
    .meta({ description: "The current subscription's status; `none`: no subscription." }),
  refusing: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional()
    .meta({ description: "`true`: tenants whose calls are refused right now (the dashboard's red)." }),
});

export const keysQuery = z.strictObject({ ...page, status: z.enum(ApiKeyStatus).optional() });

export const ledgerQuery = z.strictObject({ ...page, kind: ledgerKind.optional() });

export const decisionsQuery = z.strictObject({
  ...page,
  outcome: z.enum(["allowed", "refused"]).optional(),
  code: z
    .enum(REFUSAL_CODES as [RefusalCode, ...RefusalCode[]])
    .optional()
    .meta({ description: "A refusal code." }),
});

const day = z.iso.date({ message: "must be a date, YYYY-MM-DD" });
export const usageQuery = z.strictObject({
  from: day.optional().meta({ description: "First day (tenant-local), inclusive. Default: `to` − 29 days." }),
  to: day.optional().meta({ description: "Last day (tenant-local), inclusive. Default: today." }),
});

export const decisionParams = z.object({ decisionId: z.string().min(1).max(100) });

// ---- answers

const balance = z.object({ available: microUsd, reserved: microUsd });

export const tenantListItemSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    planKey: z.string(),
    status: z.enum(["ACTIVE", "SUSPENDED"]),
    timeZone: z.string(),
    subscription: z.object({ status: z.string(), pastDueSince: timestamp.nullable() }).nullable(),
    balance,
    health: z.object({
      level: z.enum(["ok", "warn", "refusing"]).meta({
        description: "ok: calls go through; warn: they do, with a warning; refusing: they are refused.",
      }),
      refusal: z
        .object({ code: z.string(), detail: z.string() })
        .nullable()
        .meta({ description: "Why a call would be refused now (decide() on a probe call)." }),
      warnings: z.array(z.object({ code: z.string(), message: z.string() })),
    }),
    createdAt: timestamp,
  })
  .meta({ id: "TenantListItem" });

export const tenantPageSchema = pageOf(tenantListItemSchema, "TenantPage");
export const apiKeyPageSchema = pageOf(apiKeySchema, "ApiKeyPage");

export const ledgerEntrySchema = z
  .object({
    id: z.string(),
    tenantId: z.string(),
    kind: ledgerKind,
    amount: microUsd.meta({ description: "Signed: credits in are positive." }),
    balanceAfter: microUsd.meta({ description: "The available balance after this entry." }),
    reservationId: z.string().nullable(),
    grantId: z.string().nullable(),
    stripeObjectId: z.string().nullable(),
    actor: z.object({
      kind: z.enum(["USER", "API_KEY", "ADMIN_TOKEN", "STRIPE", "SYSTEM"]),
      id: z.string().nullable(),
    }),
    reason: z.string().nullable(),
    idempotencyKey: z.string().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: "LedgerEntry" });
export const ledgerPageSchema = pageOf(ledgerEntrySchema, "LedgerPage");

export const decisionSchema = z
  .object({
    id: z.string(),
    tenantId: z.string().nullable().meta({ description: "null: no key matched, so no tenant." }),
    apiKey: z.object({ id: z.string(), name: z.string(), prefix: z.string() }).nullable(),
    requestId: z.string(),
    model: z.string().nullable(),
    feature: z.string().nullable(),
    outcome: z.enum(["allowed", "refused"]),
    code: z.string().nullable().meta({ description: "The refusal code; null when allowed." }),
    httpStatus: z.number().int(),
    detail: z.string().nullable(),
    remedy: z.object({ action: z.string(), url: z.string() }).nullable(),
    retryable: z.boolean().nullable(),
    numbers: z.object({
      cost: microUsd.nullable().meta({ description: "What an allowed call reserved." }),
      limit: z.string().nullable(),
      used: z.string().nullable(),
      remaining: z.string().nullable(),
      resetsAt: timestamp.nullable(),
    }),
    reservationId: z.string().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: "Decision" });
export const decisionPageSchema = pageOf(decisionSchema, "DecisionPage");

export const usageRollupsSchema = z
  .object({
    timeZone: z.string().meta({ description: "The tenant's zone: days are its calendar days." }),
    from: z.iso.date(),
    to: z.iso.date(),
    data: z.array(
      z.object({
        day: z.iso.date(),
        model: z.string(),
        inputTokens: bigCount,
        outputTokens: bigCount,
        requests: z.number().int(),
        cost: microUsd,
      }),
    ),
  })
  .meta({ id: "UsageRollups", description: "One row per day and model with usage, oldest first." });
