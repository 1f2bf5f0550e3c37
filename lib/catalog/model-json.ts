// The catalogue as the admin API answers it, declared once as zod schemas (the shape the OpenAPI
// document can be generated from) and built by the functions below, whose return types are those
// schemas' types, so the answer and its declaration cannot drift. Money is a decimal string of
// micro-USD; times are ISO 8601 UTC.
import { z } from "zod";

import { versionAt } from "@/lib/decisions/cost";
import type { Model, ModelPrice } from "@/lib/generated/prisma/client";

const microUsdString = z.string().regex(/^\d+$/);

export const priceVersionJsonSchema = z.object({
  effectiveFrom: z.iso.datetime(),
  inputPrice: microUsdString,
  outputPrice: microUsdString,
  cachedInputPrice: microUsdString,
  requestPrice: microUsdString.nullable(),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  note: z.string().nullable(),
});

export const modelJsonSchema = z.object({
  id: z.string(),
  provider: z.string(),
  displayName: z.string(),
  contextWindow: z.number().int().nullable(),
  maxOutputTokens: z.number().int().nullable(),
  active: z.boolean(),
  /** The version in force now. */
  price: priceVersionJsonSchema,
  /** The next version with a later effectiveFrom, if one is scheduled. */
  nextPrice: priceVersionJsonSchema.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** A model with its whole price history, newest version first. */
export const modelDetailJsonSchema = modelJsonSchema.extend({ prices: z.array(priceVersionJsonSchema) });

export const modelListJsonSchema = z.object({ models: z.array(modelJsonSchema) });

export type PriceVersionJson = z.infer<typeof priceVersionJsonSchema>;
export type ModelJson = z.infer<typeof modelJsonSchema>;
export type ModelDetailJson = z.infer<typeof modelDetailJsonSchema>;

/** A Model row with its versions, newest first (never empty: a model is written with its first). */
export type ModelWithPrices = Model & { prices: ModelPrice[] };

export const WITH_PRICES = { prices: { orderBy: { effectiveFrom: "desc" } } } as const;

export function priceVersionJson(v: ModelPrice): PriceVersionJson {
  return {
    effectiveFrom: v.effectiveFrom.toISOString(),
    inputPrice: v.inputPrice.toString(),
    outputPrice: v.outputPrice.toString(),
    cachedInputPrice: v.cachedInputPrice.toString(),
    requestPrice: v.requestPrice?.toString() ?? null,
    createdAt: v.createdAt.toISOString(),
    createdBy: v.createdBy,
    note: v.note,
  };
}

export function modelJson(m: ModelWithPrices, now: Date): ModelJson {
  const oldestFirst = [...m.prices].reverse();
  const current = versionAt(oldestFirst, now);
  const next = oldestFirst.find((v) => v !== current && v.effectiveFrom.getTime() > now.getTime());
  return {
    id: m.id,
    provider: m.provider,
    displayName: m.displayName,
    contextWindow: m.contextWindow,
    maxOutputTokens: m.maxOutputTokens,
    active: m.active,
    price: priceVersionJson(current),
    nextPrice: next ? priceVersionJson(next) : null,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

export function modelDetailJson(m: ModelWithPrices, now: Date): ModelDetailJson {
  return { ...modelJson(m, now), prices: m.prices.map(priceVersionJson) };
}
