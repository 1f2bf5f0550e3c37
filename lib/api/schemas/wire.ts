// The wire's shared vocabulary, as zod schemas with ids: each becomes one named component of the
// OpenAPI document. Money is a decimal string of micro-USD (1,000,000 = $1; a JSON number cannot
// carry a 64-bit integer), times are ISO 8601 in UTC, and every failure is an RFC 9457 problem.
import { z } from "zod";

import { REFUSAL_CODES } from "@/lib/decisions/codes";
import { API_ERRORS } from "@/lib/errors/app-error";

export const microUsd = z
  .string()
  .regex(/^-?\d+$/)
  .meta({
    id: "MicroUsd",
    description: "An amount in micro-USD (1000000 = $1.00), as a decimal string of an integer.",
    example: "25000000",
  });

/** A count that may exceed 2^53 (tokens in a period), as a decimal string. */
export const bigCount = z.string().regex(/^\d+$/).meta({
  id: "BigCount",
  description: "A non-negative integer that may exceed 2^53, as a decimal string.",
  example: "1250000",
});

export const timestamp = z.iso.datetime({ offset: true }).meta({
  id: "Timestamp",
  description: "An ISO 8601 date-time; Tollgate answers in UTC.",
  example: "2026-12-06T05:00:00.000Z",
});

const errorCodes = [...Object.keys(API_ERRORS), ...REFUSAL_CODES] as [string, ...string[]];

export const fieldError = z.object({ path: z.string(), message: z.string() }).meta({
  id: "FieldError",
  description: "One invalid field: its dotted path in the body (or `(body)`) and what is wrong.",
});

export const problemSchema = z
  .looseObject({
    type: z.string().meta({ description: "A URL naming the problem's family." }),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(errorCodes).meta({ description: "What went wrong, from a closed list." }),
    detail: z.string().optional(),
    errors: z.array(fieldError).optional().meta({ description: "Each invalid field (422)." }),
  })
  .meta({
    id: "Problem",
    description: "An RFC 9457 problem (`application/problem+json`). Extra members depend on the code.",
    example: {
      type: "https://tollgate.dev/problems/validation_failed",
      title: "Invalid request",
      status: 422,
      code: "validation_failed",
      detail: "inputTokens: must not be negative",
      errors: [{ path: "inputTokens", message: "must not be negative" }],
    },
  });

export const remedySchema = z
  .object({
    action: z.enum(["top_up", "update_card", "pay_invoice", "upgrade_plan", "contact_admin", "wait"]),
    url: z.string().meta({ description: "Where the tenant (or, for contact_admin, the operator) acts." }),
  })
  .meta({ id: "Remedy", description: "What fixes the refusal, and where." });

export const refusalSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.union([z.literal(401), z.literal(402), z.literal(403), z.literal(429)]),
    code: z.enum(REFUSAL_CODES as [string, ...string[]]),
    detail: z.string(),
    scope: z.string().meta({ description: "What the refusal is about: key, tenant, balance, quota…" }),
    limit: microUsd.or(bigCount).optional(),
    used: microUsd.or(bigCount).optional(),
    remaining: microUsd.or(bigCount).optional(),
    resetsAt: timestamp.optional().meta({ description: "When a retryable refusal may pass again." }),
    retryable: z.boolean().meta({
      description: "True when the very same request may pass later with no change by anyone.",
    }),
    remedy: remedySchema,
    decisionId: z.string(),
    requestId: z.string(),
  })
  .meta({
    id: "Refusal",
    description: "A refused call: a problem with what to do about it. `Retry-After` is set on 429.",
    example: {
      type: "https://tollgate.dev/problems/credits_exhausted",
      title: "Credits exhausted",
      status: 402,
      code: "credits_exhausted",
      detail: "This call may cost $0.0450; $0.0120 is available.",
      scope: "balance",
      limit: "45000",
      remaining: "12000",
      retryable: false,
      remedy: { action: "top_up", url: "https://tollgate.example/app/billing" },
      decisionId: "dec_01JX5W8Z9Q",
      requestId: "req_42",
    },
  });

/** Stripe-style cursor pagination: `limit` (1–100, default 20) and `startingAfter` (an id of the last page). */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  startingAfter: z.string().min(1).max(200).optional(),
});

export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({ data: z.array(item), hasMore: z.boolean() })
    .meta({ id, description: "A page; pass the last item's id as `startingAfter` for the next." });
}
