// Credits bought by a payment: Stripe cents × 10,000 micro-USD, in USD only, agreeing with the metadata.
import { describe, expect, it } from "vitest";

import { creditsFor } from "@/lib/billing/mirror/top-up";

describe("creditsFor", () => {
  it.each([
    [2500, "usd", undefined, 25_000_000n],
    [2500, "USD", "25000000", 25_000_000n],
    [1, "usd", "10000", 10_000n],
  ])("%i %s (metadata %s) → %s micro-USD", (cents, currency, metadata, expected) => {
    expect(creditsFor(cents, currency, metadata)).toBe(expected);
  });

  it.each([
    [2500, "eur", undefined, /USD, got eur/],
    [2500, "usd", "99000000", /does not match the amount paid/],
  ])("refuses %i %s (metadata %s)", (cents, currency, metadata, message) => {
    expect(() => creditsFor(cents, currency, metadata)).toThrow(message);
  });
});
