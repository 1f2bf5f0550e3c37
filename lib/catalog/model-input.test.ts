import { describe, expect, it } from "vitest";

import { modelIdSchema } from "@/lib/catalog/model-id";
import { modelBodySchema, modelIdParams, priceChangeSchema } from "@/lib/catalog/model-input";

describe("model ids", () => {
  it.each([
    "gpt-4o-mini",
    "anthropic/claude-3.5",
    "gemini-2.0-flash",
    "bedrock/anthropic.claude-v2:1",
    "Meta-Llama-3.1-70B",
  ])("takes %s", (id) => {
    expect(modelIdSchema.parse(id)).toBe(id);
  });

  it.each([
    ["an empty id", ""],
    ["a leading slash", "/gpt-4o"],
    ["a trailing slash", "anthropic/"],
    ["two slashes in a row", "anthropic//claude"],
    ["a dot segment", "anthropic/../claude"],
    ["a space", "gpt 4o"],
    ["a percent sign", "gpt%4o"],
    ["201 characters", "a".repeat(201)],
  ])("refuses %s", (_name, id) => {
    expect(modelIdSchema.safeParse(id).success).toBe(false);
  });

  it("decodes an id's %2F in a path once, whether or not the router already did", () => {
    expect(modelIdParams.parse({ id: "anthropic%2Fclaude-3.5" }).id).toBe("anthropic/claude-3.5");
    expect(modelIdParams.parse({ id: "anthropic/claude-3.5" }).id).toBe("anthropic/claude-3.5");
    expect(modelIdParams.safeParse({ id: "gpt%2" }).success).toBe(false);
    expect(modelIdParams.safeParse({ id: "a%252Fb" }).success).toBe(false); // decoded once: "a%2Fb"
  });
});

describe("the PUT body", () => {
  const valid = {
    provider: "openai",
    displayName: "GPT-4o mini",
    inputPrice: "150000",
    outputPrice: 600_000,
  };

  it("takes prices as strings of digits or safe integers, and fills the defaults", () => {
    expect(modelBodySchema.parse(valid)).toEqual({
      provider: "openai",
      displayName: "GPT-4o mini",
      contextWindow: null,
      maxOutputTokens: null,
      active: true,
      inputPrice: 150_000n,
      outputPrice: 600_000n,
      requestPrice: null,
    });
    expect(
      modelBodySchema.parse({
        ...valid,
        cachedInputPrice: "75000",
        requestPrice: "0",
        maxOutputTokens: 16_384,
      }),
    ).toMatchObject({ cachedInputPrice: 75_000n, requestPrice: 0n, maxOutputTokens: 16_384 });
  });

  it.each([
    ["a negative price", { inputPrice: "-1" }, "inputPrice", "must be between 0 and"],
    ["a fractional price", { outputPrice: 0.5 }, "outputPrice", "must be a whole number of micro-USD"],
    ["a decimal string", { cachedInputPrice: "1.5" }, "cachedInputPrice", "must be a whole number"],
    ["a price past 2^53 as a number", { requestPrice: 2 ** 53 }, "requestPrice", "must be a whole number"],
    ["no input price", { inputPrice: undefined }, "inputPrice", "is required"],
    ["a blank provider", { provider: "  " }, "provider", "is required"],
    ["a zero context window", { contextWindow: 0 }, "contextWindow", "must be at least 1"],
    [
      "output over the context window",
      { contextWindow: 1000, maxOutputTokens: 2000 },
      "maxOutputTokens",
      "contextWindow",
    ],
  ])("refuses %s", (_name, edit, path, message) => {
    const result = modelBodySchema.safeParse({ ...valid, ...edit });
    expect(result.success).toBe(false);
    expect(result.error!.issues).toContainEqual(
      expect.objectContaining({ path: [path], message: expect.stringContaining(message) }),
    );
  });

  it("refuses a field it does not know (no silent typo)", () => {
    expect(modelBodySchema.safeParse({ ...valid, inputprice: "1" }).success).toBe(false);
  });
});

describe("a price change", () => {
  it("takes an ISO effectiveFrom with an offset, as a Date", () => {
    expect(
      priceChangeSchema.parse({ inputPrice: 1, outputPrice: 2, effectiveFrom: "2027-01-01T01:00:00+01:00" }),
    ).toEqual({
      inputPrice: 1n,
      outputPrice: 2n,
      requestPrice: null,
      effectiveFrom: new Date("2027-01-01T00:00:00Z"),
    });
    expect(
      priceChangeSchema.safeParse({ inputPrice: 1, outputPrice: 2, effectiveFrom: "tomorrow" }).success,
    ).toBe(false);
  });
});
