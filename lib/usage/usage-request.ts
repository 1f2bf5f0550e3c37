// The body of POST /api/v1/usage: one event or an array of up to 1,000. The batch is checked for
// shape first; each event is then validated on its own, so a bad event is rejected with its
// reason while the valid ones are applied.
import { z } from "zod";

const tokens = z
  .number()
  .int("must be a whole number")
  .min(0, "must not be negative")
  .max(100_000_000, "is too large");

export const usageEventSchema = z
  .strictObject({
    requestId: z.string().min(1, "is required").max(128, "must be at most 128 characters"),
    reservationId: z.string().min(1).max(128).optional(),
    model: z.string().min(1, "is required").max(200),
    feature: z.string().min(1).max(100).optional(),
    inputTokens: tokens,
    /** The part of inputTokens read from the provider's prompt cache, charged at the cached price. */
    cachedInputTokens: tokens.optional(),
    outputTokens: tokens,
    occurredAt: z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time" }).optional(),
  })
  .refine((e) => (e.cachedInputTokens ?? 0) <= e.inputTokens, {
    path: ["cachedInputTokens"],
    message: "must not be more than inputTokens (cached tokens are a part of the input)",
  });

export type UsageEventInput = z.infer<typeof usageEventSchema>;

export const MAX_BATCH = 1_000;

export const usageBodySchema = z.union([
  z
    .array(z.unknown())
    .min(1, "must hold at least one event")
    .max(MAX_BATCH, `must hold at most ${MAX_BATCH} events`),
  z.record(z.string(), z.unknown()),
]);
