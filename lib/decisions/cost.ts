// What a call costs, and at which price. Pure: the catalogue's versions in, a price or an amount out.
// Token prices are micro-USD per million tokens, so the token part is divided by 1e6 and rounded
// up — a call is never under-charged by rounding — and a per-call price (micro-USD) is added whole.

/** One price version of a model, in force from `effectiveFrom` until the next version's. */
export type PriceVersion = {
  effectiveFrom: Date;
  inputPrice: bigint;
  outputPrice: bigint;
  /** Per million cached input tokens (stored resolved: the input price when none was given). */
  cachedInputPrice: bigint;
  /** micro-USD per call; null = none. */
  requestPrice: bigint | null;
};

/** A model with every version of its price, oldest first (never empty). */
export type CatalogModel = {
  id: string;
  active: boolean;
  maxOutputTokens: number | null;
  versions: PriceVersion[];
};

/** A model as priced at one moment: what decide() and settlement need. */
export type ModelPrice = Omit<CatalogModel, "versions"> & Omit<PriceVersion, "effectiveFrom">;

/** The prices a cost is computed from; a cached price left out is the input price. */
export type PriceTerms = {
  inputPrice: bigint;
  outputPrice: bigint;
  cachedInputPrice?: bigint;
  requestPrice?: bigint | null;
};

export type CallTokens = {
  inputTokens: number;
  /** The part of inputTokens read from a prompt cache (≤ inputTokens). */
  cachedInputTokens?: number;
  outputTokens: number;
};

const PER_MILLION = 1_000_000n;

/**
 * The version in force at `at`: the newest with effectiveFrom ≤ at. Before the first version, the
 * first (a model's first price also covers usage reported from before it was listed).
 */
export function versionAt<V extends { effectiveFrom: Date }>(versions: readonly V[], at: Date): V {
  const t = at.getTime();
  let found = versions[0]!;
  for (const v of versions) if (v.effectiveFrom.getTime() <= t) found = v;
  return found;
}

export function priceAt(model: CatalogModel, at: Date): ModelPrice {
  const v = versionAt(model.versions, at);
  return {
    id: model.id,
    active: model.active,
    maxOutputTokens: model.maxOutputTokens,
    inputPrice: v.inputPrice,
    outputPrice: v.outputPrice,
    cachedInputPrice: v.cachedInputPrice,
    requestPrice: v.requestPrice,
  };
}

export function callCost(price: PriceTerms, tokens: CallTokens): bigint {
  const cached = BigInt(tokens.cachedInputTokens ?? 0);
  const scaled =
    (BigInt(tokens.inputTokens) - cached) * price.inputPrice +
    cached * (price.cachedInputPrice ?? price.inputPrice) +
    BigInt(tokens.outputTokens) * price.outputPrice;
  return (scaled + PER_MILLION - 1n) / PER_MILLION + (price.requestPrice ?? 0n);
}
