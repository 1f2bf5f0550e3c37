import { describe, expect, it } from "vitest";

import { formatMicros, microsToJson, usdToMicros } from "@/lib/money/format";

describe("formatMicros", () => {
  it.each([
    [0n, "$0.00"],
    [1_000_000n, "$1.00"],
    [1_234_567_890n, "$1,234.56"],
    [-2_500_000n, "-$2.50"],
    [150n, "$0.000150"],
    [10_000n, "$0.01"],
  ])("%s µUSD → %s", (micros, text) => {
    expect(formatMicros(micros)).toBe(text);
  });

  it("never goes through floating point", () => {
    expect(formatMicros(9_007_199_254_740_993_000_000n)).toBe("$9,007,199,254,740,993.00");
  });
});

describe("conversions", () => {
  it("rounds dollars to whole micros and serializes as a decimal string", () => {
    expect(usdToMicros(12.345678)).toBe(12_345_678n);
    expect(microsToJson(-5n)).toBe("-5");
  });
});
