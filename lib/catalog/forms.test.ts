import { describe, expect, it } from "vitest";

import { addModelForm, changePriceForm } from "@/lib/catalog/forms";
import { dollarsToMicros, microsToDollars } from "@/lib/forms/dollars";

describe("the catalog's forms", () => {
  it("reads dollars per million tokens exactly into micro-USD; empty optional prices stay absent", () => {
    expect(
      addModelForm.parse({
        id: " anthropic/claude-3.5 ",
        provider: "anthropic",
        displayName: "Claude 3.5",
        contextWindow: "200000",
        maxOutputTokens: "",
        inputPrice: "3",
        outputPrice: "15.00",
        cachedInputPrice: "0.30",
        requestPrice: "",
      }),
    ).toEqual({
      id: "anthropic/claude-3.5",
      provider: "anthropic",
      displayName: "Claude 3.5",
      contextWindow: 200_000,
      maxOutputTokens: null,
      inputPrice: 3_000_000n,
      outputPrice: 15_000_000n,
      cachedInputPrice: 300_000n,
    });
  });

  it("takes a free model's $0, and refuses what is not a price, naming the field", () => {
    const base = { modelId: "gpt-4o", inputPrice: "0", outputPrice: "0" };
    expect(changePriceForm.parse(base)).toMatchObject({ inputPrice: 0n, outputPrice: 0n });
    for (const [field, value] of [
      ["inputPrice", "-1"],
      ["outputPrice", "1.0000001"],
      ["cachedInputPrice", "abc"],
      ["requestPrice", "1e3"],
    ]) {
      const r = changePriceForm.safeParse({ ...base, [field!]: value });
      expect(r.success, `${field}=${value}`).toBe(false);
      expect(r.error!.issues[0]!.path).toEqual([field]);
    }
  });

  it("reads the effective date-time as UTC; empty is now (left to the server)", () => {
    const base = { modelId: "gpt-4o", inputPrice: "1", outputPrice: "2" };
    expect(changePriceForm.parse({ ...base, effectiveFrom: "2027-01-01T09:30" }).effectiveFrom).toEqual(
      new Date("2027-01-01T09:30:00Z"),
    );
    expect(changePriceForm.parse({ ...base, effectiveFrom: "" }).effectiveFrom).toBeUndefined();
    expect(changePriceForm.safeParse({ ...base, effectiveFrom: "next week" }).success).toBe(false);
  });

  it.each([0n, 1n, 75_000n, 150_000n, 2_500_000n, 15_000_000n, 123_456_789n])(
    "writes %s µUSD as dollars a field reads back exactly",
    (micros) => {
      expect(dollarsToMicros(microsToDollars(micros))).toBe(micros);
    },
  );
});
