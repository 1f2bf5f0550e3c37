// The body of POST /api/v1/authorize.
import { z } from "zod";

const tokens = z
  .number()
  .int("must be a whole number")
  .min(0, "must not be negative")
  .max(100_000_000, "is too large");

export const authorizeRequestSchema = z.strictObject({
  requestId: z.string().min(1, "is required").max(128, "must be at most 128 characters"),
  model: z.string().min(1, "is required").max(200),
  feature: z.string().min(1).max(100).optional(),
  inputTokens: tokens.optional(),
  maxOutputTokens: tokens.optional(),
  contextTokens: tokens.optional(),
});

export type AuthorizeRequest = z.infer<typeof authorizeRequestSchema>;
