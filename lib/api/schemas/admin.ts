// The answers of the admin provisioning API: plans, tenants, billing, API keys and ledger entries.
import { z } from "zod";

import { bigCount, microUsd, timestamp } from "@/lib/api/schemas/wire";

export const planSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    monthlyPrice: microUsd,
    stripePriceId: z.string().nullable(),
    monthlyTokenQuota: bigCount.nullable().meta({ description: "null: unlimited." }),
    quotaMode: z.enum(["HARD", "SOFT"]),
    requestsPerMinute: z.number().int(),
    maxContextTokens: z.number().int().nullable(),
    features: z.array(z.string()),
    allowedModels: z.array(z.string()).meta({ description: "Empty: every model of the catalog." }),
    pastDueGraceDays: z.number().int(),
    requiresPaymentMethod: z.boolean(),
    topUpAmounts: z.array(microUsd),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "Plan" });

export const billingSchema = z
  .object({
    mode: z.enum(["manual", "stripe"]),
    status: z.string().meta({ description: "Stripe's subscription status (active, past_due, canceled…)." }),
    currentPeriodEnd: timestamp.nullable(),
    pastDueSince: timestamp.nullable(),
  })
  .meta({ id: "Billing" });

export const apiKeySchema = z
  .object({
    id: z.string(),
    tenantId: z.string(),
    name: z.string(),
    prefix: z.string().meta({ description: "The secret's first characters, to recognise it." }),
    status: z.enum(["PENDING_APPROVAL", "ACTIVE", "REVOKED"]),
    models: z.array(z.string()).meta({ description: "Empty: whatever the plan allows." }),
    dailyBudget: microUsd.nullable(),
    monthlyBudget: microUsd.nullable(),
    createdAt: timestamp,
    approvedAt: timestamp.nullable(),
    revokedAt: timestamp.nullable(),
    lastUsedAt: timestamp.nullable(),
  })
  .meta({ id: "ApiKey" });

export const createdApiKeySchema = apiKeySchema
  .extend({ secret: z.string().meta({ description: "The key itself, in this answer only." }) })
  .meta({ id: "CreatedApiKey" });

export const tenantSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    planKey: z.string(),
    timeZone: z.string().meta({ description: "IANA zone: the tenant's days, months and quota periods." }),
    status: z.enum(["ACTIVE", "SUSPENDED"]),
    dailySpendCap: microUsd.nullable(),
    monthlySpendCap: microUsd.nullable(),
    balance: z.object({ available: microUsd, reserved: microUsd }),
    billing: billingSchema.nullable(),
    keys: z.array(apiKeySchema),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "Tenant" });

export const ledgerKind = z.enum([
  "GRANT",
  "TOPUP",
  "RESERVE",
  "RELEASE",
  "CHARGE",
  "REFUND",
  "ADJUSTMENT",
  "EXPIRE",
]);

/** The ledger entry an operator's grant or deduction wrote. */
export const creditEntrySchema = z
  .object({
    id: z.string(),
    tenantId: z.string(),
    kind: ledgerKind,
    amount: microUsd,
    balanceAfter: microUsd,
    reason: z.string().nullable(),
    idempotencyKey: z.string(),
    grant: z.object({ id: z.string(), expiresAt: timestamp.nullable() }).nullable(),
    createdAt: timestamp,
  })
  .meta({ id: "CreditEntry" });

export const manualBillingAnswerSchema = billingSchema
  .extend({ tenantId: z.string() })
  .meta({ id: "ManualBilling" });
