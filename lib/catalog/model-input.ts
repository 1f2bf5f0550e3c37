// What operators send to the catalogue: a model id in a path, a whole model (PUT), a dated price
// change. Prices follow the plans API: micro-USD (token prices per million tokens, the per-call
// price per call) as a string of digits or a safe integer, answered as strings.
import { z } from "zod";

import { modelIdSchema } from "@/lib/catalog/model-id";
import { isoDate, microUsd } from "@/lib/validation/inputs";

/**
 * A model id in a URL path, where its "/" travels as %2F. Whether the router decoded it or not, it
 * is decoded once: a valid id has no "%", so decoding cannot change one that was already decoded.
 */
export const modelIdParams = z.object({
  id: z
    .string()
    .transform((s) => {
      try {
        return s.includes("%") ? decodeURIComponent(s) : s;
      } catch {
        return s; // a malformed escape: the pattern refuses it
      }
    })
    .pipe(modelIdSchema)
    .meta({
      // What the path carries, for the OpenAPI document (the transform itself has no JSON Schema).
      override: {
        type: "string",
        description: 'A model id; its "/" as %2F, e.g. anthropic%2Fclaude-3.5.',
        example: "gpt-4o-mini",
      },
    }),
});

const tokenCount = z.number().int("must be a whole number").min(1, "must be at least 1").max(100_000_000);

/** The prices of one version. A cached price left out is the input price; no per-call price is none. */
const priceFields = {
  inputPrice: microUsd(),
  outputPrice: microUsd(),
  cachedInputPrice: microUsd().optional(),
  requestPrice: microUsd().nullable().default(null),
  /** Why the price changed, kept with the version. */
  note: z.string().trim().min(1).max(500).optional(),
};

/** PUT semantics: the body is the whole model; a field left out takes its default. */
export const modelBodySchema = z
  .strictObject({
    provider: z.string().trim().min(1, "is required").max(100),
    displayName: z.string().trim().min(1, "is required").max(200),
    contextWindow: tokenCount.nullable().default(null),
    /** The reservation's output estimate when an authorize call sends no maxOutputTokens. */
    maxOutputTokens: tokenCount.nullable().default(null),
    /** false withdraws the model (as DELETE does); a PUT with it left out offers it again. */
    active: z.boolean().default(true),
    ...priceFields,
  })
  .refine(
    (m) => m.contextWindow === null || m.maxOutputTokens === null || m.maxOutputTokens <= m.contextWindow,
    { path: ["maxOutputTokens"], message: "must not be more than contextWindow" },
  );

export type ModelBody = z.infer<typeof modelBodySchema>;

/** A dated price change: a whole new version, in force from effectiveFrom (default now). */
export const priceChangeSchema = z.strictObject({
  ...priceFields,
  /** Now or later: a moment already past keeps the prices it had. */
  effectiveFrom: isoDate.optional(),
});

export type PriceChange = z.infer<typeof priceChangeSchema>;
