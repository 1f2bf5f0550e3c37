import { describe, expect, it } from "vitest";
import { z } from "zod";

import { slugFromName } from "@/lib/tenants/create-tenant";
import { MAX_MICRO_USD, microUsd, modelList, timeZoneSchema } from "@/lib/validation/inputs";

describe("microUsd", () => {
  const schema = z.object({
    amount: microUsd({ min: -MAX_MICRO_USD }),
    cap: microUsd().nullable().optional(),
  });
  it.each([
    ["a string of digits", "5000000", 5_000_000n],
    ["a safe integer", 5_000_000, 5_000_000n],
    ["a negative string", "-25", -25n],
    ["the bound itself", "1000000000000000", 10n ** 15n],
  ])("takes %s", (_name, amount, expected) => {
    expect(schema.parse({ amount }).amount).toBe(expected);
  });

  it.each([
    ["a fraction", 1.5, "must be a whole number of micro-USD"],
    ["a decimal string", "1.50", "must be a whole number of micro-USD"],
    ["a number past 2^53", 2 ** 53, "must be a whole number of micro-USD"],
    ["an empty string", "", "must be a whole number of micro-USD"],
    ["a boolean", true, "must be a whole number of micro-USD"],
    ["nothing", undefined, "is required"],
    ["more than the bound", "1000000000000001", "must be between"],
  ])("refuses %s", (_name, amount, message) => {
    const result = schema.safeParse({ amount });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({
      path: ["amount"],
      message: expect.stringContaining(message),
    });
  });

  it("keeps null (lift a cap) apart from absent (leave it)", () => {
    expect(schema.parse({ amount: 1, cap: null })).toEqual({ amount: 1n, cap: null });
    expect("cap" in schema.parse({ amount: 1 })).toBe(false);
    expect(schema.safeParse({ amount: 1, cap: "-1" }).success).toBe(false);
  });
});

describe("other inputs", () => {
  it("de-duplicates model lists", () => {
    expect(modelList.parse(["a", "b", "a"])).toEqual(["a", "b"]);
  });

  it.each([
    ["Europe/Berlin", true],
    ["Asia/Kolkata", true],
    ["UTC", true],
    ["Mars/Olympus_Mons", false],
    ["", false],
  ])("time zone %s valid: %s", (zone, ok) => {
    expect(timeZoneSchema.safeParse(zone).success).toBe(ok);
  });

  it.each([
    ["Acme Robotics", "acme-robotics"],
    ["Ångström Labs, Inc.", "angstrom-labs-inc"],
    ["  --Hooli   XYZ--  ", "hooli-xyz"],
    ["東京", ""],
    ["x".repeat(60), "x".repeat(48)],
    [`${"a".repeat(47)} b`, "a".repeat(47)],
  ])("slugFromName(%j) = %j", (name, slug) => {
    expect(slugFromName(name)).toBe(slug);
  });
});
