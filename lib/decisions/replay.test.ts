import { describe, expect, it } from "vitest";

import { refuse } from "@/lib/decisions/refuse";
import { stillStands, storedRefusal } from "@/lib/decisions/replay";

const now = new Date("2026-11-25T12:00:00Z");
const remedy = { action: "wait" as const, url: "http://x/app/usage" };

describe("stillStands", () => {
  it.each([
    ["a refusal that needs someone to act", { retryable: false }, true],
    [
      "a retryable refusal whose window has not reset",
      { retryable: true, resetsAt: new Date(now.getTime() + 1) },
      true,
    ],
    ["a retryable refusal whose window reset at this instant", { retryable: true, resetsAt: now }, false],
    [
      "a retryable refusal whose window reset earlier",
      { retryable: true, resetsAt: new Date(now.getTime() - 60_000) },
      false,
    ],
  ])("%s → %s", (_name, refusal, stands) => {
    expect(stillStands(refusal, now)).toBe(stands);
  });
});

describe("storedRefusal", () => {
  it("rebuilds a refusal from its JSON in the Decision log exactly", () => {
    const original = refuse("rate_limited", "Slow down.", remedy, {
      limit: 60n,
      used: 60n,
      remaining: 0n,
      resetsAt: now,
    });
    const { allowed: _a, ...details } = original;
    const json = JSON.parse(
      JSON.stringify(details, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
    ) as Record<string, unknown>;
    expect(storedRefusal({ decisionId: "dec_1", details: json })).toEqual(original);
  });
});
