// The answers of the decision API (authorize, usage, balance), as the routes send them.
import { z } from "zod";

import { bigCount, microUsd, timestamp } from "@/lib/api/schemas/wire";

const balance = z.object({ available: microUsd, reserved: microUsd });

const warning = z.discriminatedUnion("code", [
  z.object({ code: z.literal("subscription_past_due"), graceEndsAt: timestamp }),
  z.object({ code: z.literal("quota_overage"), limit: bigCount, used: bigCount }),
  z.object({ code: z.literal("card_expiring"), expiresAt: timestamp }),
]);

export const limitsSchema = z
  .object({
    quota: z.object({ limit: bigCount, used: bigCount, resetsAt: timestamp }).nullable().optional(),
    rateLimit: z.object({ limit: z.number().int(), remaining: z.number().int(), resetsAt: timestamp }),
    warnings: z.array(warning),
  })
  .meta({ id: "Limits", description: "Where the tenant stands against its plan after this call." });

export const authorizeAllowedSchema = z
  .object({
    allowed: z.literal(true),
    decisionId: z.string(),
    requestId: z.string(),
    reservation: z.object({
      id: z.string(),
      amount: microUsd.meta({ description: "Held until usage settles it, a release, or expiry." }),
      expiresAt: timestamp,
    }),
    balance,
    limits: limitsSchema,
  })
  .meta({ id: "AuthorizeAllowed" });

const usageResult = z.discriminatedUnion("status", [
  z.object({ index: z.number().int(), requestId: z.string(), status: z.literal("accepted"), cost: microUsd }),
  z.object({ index: z.number().int(), requestId: z.string(), status: z.literal("duplicate") }),
  z.object({
    index: z.number().int(),
    requestId: z.string().nullable(),
    status: z.literal("rejected"),
    reason: z.string(),
  }),
]);

export const usageReportSchema = z
  .object({
    accepted: z.number().int(),
    duplicates: z.number().int(),
    rejected: z.number().int(),
    results: z.array(usageResult).meta({ description: "One per event, in the order sent." }),
    balance,
  })
  .meta({ id: "UsageReport" });

export const balanceSchema = z
  .object({
    balance: balance.extend({ currency: z.literal("USD"), unit: z.literal("micro-USD") }),
    quota: z.object({
      limit: bigCount.nullable(),
      used: bigCount,
      mode: z.enum(["HARD", "SOFT"]),
      resetsAt: timestamp,
    }),
    plan: z.object({
      key: z.string(),
      requestsPerMinute: z.number().int(),
      maxContextTokens: z.number().int().nullable(),
      features: z.array(z.string()),
    }),
    subscription: z.object({ status: z.string(), pastDueSince: timestamp.nullable() }).nullable(),
    card: z
      .object({
        expMonth: z.number().int(),
        expYear: z.number().int(),
        expired: z.boolean(),
        expiresAt: timestamp,
      })
      .nullable(),
    burnRate: z.object({ perDay: microUsd, window: z.literal("7d") }),
    daysOfCreditLeft: z.number().nullable(),
  })
  .meta({ id: "Balance" });
