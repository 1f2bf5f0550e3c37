import { describe, expect, it } from "vitest";

import {
  formatMicros,
  formatMinor,
  formatMinorCode,
  formatPriceMicros,
  microsToChartValue,
  microsToJson,
  usdToMicros,
} from "@/lib/money/format";

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

describe("formatMinor (Stripe minor units)", () => {
  it.each([
    [4_900n, "usd", "$49.00"],
    [0n, "usd", "$0.00"],
    [-250n, "usd", "-$2.50"],
    [1_250n, "eur", "€12.50"],
    [500n, "jpy", "¥500"],
  ])("%s %s → %s", (amount, currency, text) => {
    expect(formatMinor(amount, currency)).toBe(text);
  });

  it("never goes through floating point", () => {
    expect(formatMinor(900_719_925_474_099_301n, "usd")).toBe("$9,007,199,254,740,993.01");
  });

  it("writes the amount and the code for logs and audit reasons", () => {
    expect(formatMinorCode(500, "usd")).toBe("5.00 USD");
    expect(formatMinorCode(500, "jpy")).toBe("500 JPY");
  });
});

describe("microsToChartValue", () => {
  it.each([
    [2_500_000n, 2.5],
    [1n, 0.000001],
    [-1_500_000n, -1.5],
    [0n, 0],
  ])("%s µUSD → %s dollars", (micros, dollars) => {
    expect(microsToChartValue(micros)).toBe(dollars);
  });
});

describe("formatPriceMicros", () => {
  it.each([
    [0n, "$0.00"],
    [150_000n, "$0.15"],
    [75_000n, "$0.075"],
    [37_500n, "$0.0375"],
    [2_500_000n, "$2.50"],
    [1n, "$0.000001"],
    [1_234_000_000n, "$1,234.00"],
    [-100_000n, "-$0.10"],
  ])("%s µUSD → %s (never rounded)", (micros, text) => {
    expect(formatPriceMicros(micros)).toBe(text);
  });
});
