// The /admin/models forms: what a person types (dollars per million tokens, a UTC date-time) read
// exactly into what the catalogue's domain functions take (micro-USD, a Date). The browser
// validates with these schemas before submitting and the server actions parse with them again
// (lib/forms/action-state.ts). Client-safe: no node or database imports.
import { z } from "zod";

import { modelIdSchema } from "@/lib/catalog/model-id";
import { dollarsToMicros } from "@/lib/forms/dollars";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A price in dollars (0 allowed: a free model), exact to the micro-USD. */
const price = z.string().transform((v, ctx) => {
  const n = dollarsToMicros(v);
  if (n === null) {
    ctx.addIssue({ code: "custom", message: "Enter a price in dollars, e.g. 0.15 (up to 6 decimals)" });
    return z.NEVER;
  }
  return n;
});
const optionalPrice = z.preprocess(blankToUndefined, price.optional());

const optionalTokens = z.preprocess(
  (v) => blankToUndefined(v) ?? null,
  z.coerce
    .number()
    .int("Enter a whole number of tokens")
    .min(1, "Enter at least 1 token")
    .max(100_000_000, "At most 100,000,000")
    .nullable(),
);

/** A "YYYY-MM-DDTHH:mm" of an <input type="datetime-local">, read as UTC (the page's zone). */
const utcDateTime = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, "Enter a date and time (UTC)")
    .transform((v) => new Date(`${v}Z`))
    .optional(),
);

const prices = {
  /** Per million input tokens. */
  inputPrice: price,
  /** Per million output tokens. */
  outputPrice: price,
  /** Per million cached input tokens; left empty, the input price. */
  cachedInputPrice: optionalPrice,
  /** Per call; left empty, none. */
  requestPrice: optionalPrice,
};

export const addModelForm = z.object({
  id: z.string().trim().min(1, "Enter the model's id").pipe(modelIdSchema),
  provider: z.string().trim().min(1, "Name the provider").max(100, "At most 100 characters"),
  displayName: z.string().trim().min(1, "Name the model").max(200, "At most 200 characters"),
  contextWindow: optionalTokens,
  maxOutputTokens: optionalTokens,
  ...prices,
});
export type AddModelInput = z.infer<typeof addModelForm>;

export const changePriceForm = z.object({
  modelId: modelIdSchema,
  ...prices,
  /** Empty: now. */
  effectiveFrom: utcDateTime,
  note: z.preprocess(blankToUndefined, z.string().trim().max(500, "At most 500 characters").optional()),
});
export type ChangePriceInput = z.infer<typeof changePriceForm>;

export const modelIdForm = z.object({ modelId: modelIdSchema });
