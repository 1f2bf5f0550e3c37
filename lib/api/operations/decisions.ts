// The decision API: what a gateway calls on every request, with the tenant's API key.
import { z } from "zod";

import { authorizeAllowedSchema, balanceSchema, usageReportSchema } from "@/lib/api/schemas/decisions";
import { authorizeRequestSchema } from "@/lib/decisions/authorize-request";
import { REFUSAL_CODES } from "@/lib/decisions/codes";
import { operation } from "@/lib/http/operation";
import { usageBodySchema, usageEventSchema } from "@/lib/usage/usage-request";

export const authorizeOperation = operation({
  method: "post",
  path: "/api/v1/authorize",
  operationId: "authorize",
  summary: "May this call proceed?",
  description:
    "Decides with the tenant's key, plan, balance, limits and billing state, and reserves the call's " +
    "maximum cost when it is allowed. Idempotent per (tenant, requestId). A refusal is a problem with " +
    "`remedy`, `retryable` and, when retryable, `resetsAt`; `429` sets `Retry-After`.",
  tag: "Decisions",
  security: "tenantKey",
  body: authorizeRequestSchema,
  bodyExample: {
    requestId: "req-123",
    model: "gpt-4o-mini",
    inputTokens: 1200,
    maxOutputTokens: 400,
    feature: "chat",
  },
  responses: {
    200: {
      description: "Allowed: the credits are reserved until usage settles them, a release, or expiry.",
      schema: authorizeAllowedSchema,
      example: {
        allowed: true,
        decisionId: "dec_01JX5W8Z9Q",
        requestId: "req-123",
        reservation: { id: "res_01JX5W8Z9R", amount: "420", expiresAt: "2026-11-25T12:10:00.000Z" },
        balance: { available: "23159580", reserved: "420" },
        limits: {
          quota: { limit: "200000000", used: "5389025", resetsAt: "2026-12-01T00:00:00.000Z" },
          rateLimit: { limit: 600, remaining: 599, resetsAt: "2026-11-25T12:01:00.000Z" },
          warnings: [],
        },
      },
    },
  },
  problems: REFUSAL_CODES,
});

export const reportUsageOperation = operation({
  method: "post",
  path: "/api/v1/usage",
  operationId: "reportUsage",
  summary: "Report what calls really used",
  description:
    "One event or an array of up to 1,000. Settles each call's reservation at its real cost (usage " +
    "is never dropped); a repeated (tenant, requestId) is a `duplicate`. In an array each event is " +
    "judged alone: an invalid one is `rejected` with its reason while the others apply.",
  tag: "Decisions",
  security: "tenantKey",
  body: usageBodySchema,
  documentedBody: z.union([usageEventSchema, z.array(usageEventSchema).min(1).max(1000)]),
  bodyExample: [{ requestId: "req-123", model: "gpt-4o-mini", inputTokens: 1200, outputTokens: 212 }],
  responses: {
    200: {
      description: "What each event did, and the balance after the batch.",
      schema: usageReportSchema,
      example: {
        accepted: 1,
        duplicates: 0,
        rejected: 0,
        results: [{ index: 0, requestId: "req-123", status: "accepted", cost: "308" }],
        balance: { available: "23159692", reserved: "0" },
      },
    },
  },
});

export const balanceOperation = operation({
  method: "get",
  path: "/api/v1/balance",
  operationId: "getBalance",
  summary: "The tenant's balance, quota, plan and billing state",
  tag: "Decisions",
  security: "tenantKey",
  responses: {
    200: {
      description: "Where the key's tenant stands now.",
      schema: balanceSchema,
      example: {
        balance: { available: "380000", reserved: "0", currency: "USD", unit: "micro-USD" },
        quota: { limit: "20000000", used: "1908008", mode: "HARD", resetsAt: "2026-12-01T05:00:00.000Z" },
        plan: {
          key: "starter",
          requestsPerMinute: 120,
          maxContextTokens: 32000,
          features: ["chat", "embeddings", "tools"],
        },
        subscription: { status: "active", pastDueSince: null },
        card: { expMonth: 8, expYear: 2028, expired: false, expiresAt: "2028-09-01T00:00:00.000Z" },
        burnRate: { perDay: "253333", window: "7d" },
        daysOfCreditLeft: 1.5,
      },
    },
  },
});

/** In the order the reference lists them. */
export const decisionOperations = [authorizeOperation, reportUsageOperation, balanceOperation];
