import { describe, expect, it } from "vitest";

import { callCost, priceAt, versionAt, type CatalogModel, type PriceVersion } from "@/lib/decisions/cost";

const version = (iso: string, inputPrice: bigint, extra: Partial<PriceVersion> = {}): PriceVersion => ({
  effectiveFrom: new Date(iso),
  inputPrice,
  outputPrice: 4n * inputPrice,
  cachedInputPrice: inputPrice / 2n,
  requestPrice: null,
  ...extra,
});

describe("callCost", () => {
  // $1.00 in, $4.00 out, $0.50 cached per million tokens.
  const price = { inputPrice: 1_000_000n, outputPrice: 4_000_000n, cachedInputPrice: 500_000n };

  it.each([
    ["input and output", { inputTokens: 1000, outputTokens: 500 }, 3_000n],
    [
      "cached input at the cached price, the rest at the input price",
      { inputTokens: 1000, cachedInputTokens: 600, outputTokens: 500 },
      2_700n,
    ],
    ["all of the input cached", { inputTokens: 1000, cachedInputTokens: 1000, outputTokens: 0 }, 500n],
    ["nothing", { inputTokens: 0, outputTokens: 0 }, 0n],
    ["a fraction of a micro-USD, rounded up", { inputTokens: 1, outputTokens: 0 }, 1n],
  ])("%s", (_name, tokens, expected) => {
    expect(callCost(price, tokens)).toBe(expected);
  });

  it("charges cached input at the input price when the model has no cached price", () => {
    expect(
      callCost(
        { inputPrice: 1_000_000n, outputPrice: 0n },
        { inputTokens: 1000, cachedInputTokens: 1000, outputTokens: 0 },
      ),
    ).toBe(1_000n);
  });

  it("adds the per-call price whole, after rounding the tokens up", () => {
    const perCall = { ...price, requestPrice: 25_000n };
    expect(callCost(perCall, { inputTokens: 0, outputTokens: 0 })).toBe(25_000n);
    expect(callCost(perCall, { inputTokens: 1, outputTokens: 0 })).toBe(25_001n);
  });
});

describe("versionAt / priceAt", () => {
  const model: CatalogModel = {
    id: "m",
    active: true,
    maxOutputTokens: 8_192,
    versions: [
      version("1970-01-01T00:00:00Z", 100n),
      version("2026-12-01T00:00:00Z", 200n),
      version("2027-01-01T00:00:00Z", 300n, { requestPrice: 7n }),
    ],
  };

  it.each([
    ["1969-12-31T23:59:59Z", 100n], // before the first version: the first
    ["2026-11-30T23:59:59.999Z", 100n],
    ["2026-12-01T00:00:00Z", 200n], // a version is in force from its very instant
    ["2026-12-31T12:00:00Z", 200n],
    ["2027-06-01T00:00:00Z", 300n],
  ])("at %s the input price is %i", (at, input) => {
    expect(versionAt(model.versions, new Date(at)).inputPrice).toBe(input);
  });

  it("prices the model at a moment, keeping what the decision needs of the model", () => {
    expect(priceAt(model, new Date("2027-02-01T00:00:00Z"))).toEqual({
      id: "m",
      active: true,
      maxOutputTokens: 8_192,
      inputPrice: 300n,
      outputPrice: 1_200n,
      cachedInputPrice: 150n,
      requestPrice: 7n,
    });
  });
});
