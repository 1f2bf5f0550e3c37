// The catalogue as the admin API answers it: money as decimal strings of micro-USD, times as
// ISO 8601 UTC. The answers' schemas are declared in lib/api/schemas/models.ts, which checks at
// compile time that they describe exactly these types.
import { versionAt } from "@/lib/decisions/cost";
import type { Model, ModelPrice } from "@/lib/generated/prisma/client";

export type PriceVersionJson = {
  effectiveFrom: string;
  inputPrice: string;
  outputPrice: string;
  cachedInputPrice: string;
  requestPrice: string | null;
  createdAt: string;
  createdBy: string;
  note: string | null;
};

export type ModelJson = {
  id: string;
  provider: string;
  displayName: string;
  contextWindow: number | null;
  maxOutputTokens: number | null;
  active: boolean;
  /** The version in force now. */
  price: PriceVersionJson;
  /** The next version with a later effectiveFrom, if one is scheduled. */
  nextPrice: PriceVersionJson | null;
  createdAt: string;
  updatedAt: string;
};

/** A model with its whole price history, newest version first. */
export type ModelDetailJson = ModelJson & { prices: PriceVersionJson[] };

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
