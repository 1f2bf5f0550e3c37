import { describe, expect, it } from "vitest";

import { transition, type RuleForTransition } from "@/lib/alerts/transition";
import type { AlertRuleKind } from "@/lib/generated/prisma/enums";

const rule = (
  kind: AlertRuleKind,
  threshold: number,
  state: RuleForTransition["state"] = "OK",
  resolveMarginPct = 20,
): RuleForTransition => ({ kind, threshold, resolveMarginPct, state });

describe("transition", () => {
  it.each([
    // kind, threshold, state, value → transition
    ["BALANCE_BELOW", 10_000_000, "OK", 9_999_999, "FIRING"],
    ["BALANCE_BELOW", 10_000_000, "OK", 10_000_000, null],
    ["BALANCE_BELOW", 10_000_000, "FIRING", 11_999_999, null],
    ["BALANCE_BELOW", 10_000_000, "FIRING", 12_000_000, "RESOLVED"],
    ["BALANCE_BELOW", 10_000_000, "RESOLVED", 9_000_000, "FIRING"],
    ["BALANCE_BELOW_TOPUP_PCT", 10, "OK", 9.5, "FIRING"],
    ["DAYS_LEFT_BELOW", 3, "OK", 2.9, "FIRING"],
    ["DAYS_LEFT_BELOW", 3, "FIRING", null, "RESOLVED"],
    ["QUOTA_USED_PCT", 80, "OK", 79.99, null],
    ["QUOTA_USED_PCT", 80, "OK", 80, "FIRING"],
    ["QUOTA_USED_PCT", 80, "FIRING", 64.01, null],
    ["QUOTA_USED_PCT", 80, "FIRING", 63.99, "RESOLVED"],
    ["CARD_EXPIRING", 30, "OK", 29, "FIRING"],
    ["CARD_EXPIRING", 30, "FIRING", 400, "RESOLVED"],
    ["CARD_EXPIRED", 0, "OK", 1, "FIRING"],
    ["CARD_EXPIRED", 0, "FIRING", 0, "RESOLVED"],
    ["SUBSCRIPTION_PAST_DUE", 0, "OK", 0, null],
    ["SUBSCRIPTION_PAST_DUE", 0, "OK", 1, "FIRING"],
    ["GRACE_ENDING", 24, "OK", 23.5, "FIRING"],
    ["GRACE_ENDING", 24, "FIRING", null, "RESOLVED"],
    ["REFUSALS", 5, "OK", 5, "FIRING"],
    ["REFUSALS", 5, "FIRING", 4, null],
    ["REFUSALS", 5, "FIRING", 3, "RESOLVED"],
    ["BALANCE_BELOW", 0, "OK", -1, "FIRING"],
    ["BALANCE_BELOW", 0, "FIRING", 0, "RESOLVED"],
  ] as const)("%s at %d, %s, value %s → %s", (kind, threshold, state, value, expected) => {
    expect(transition(rule(kind, threshold, state), value)).toBe(expected);
  });

  it("sends one FIRING and at most one RESOLVED for a value oscillating around the threshold 100 times", () => {
    let r = rule("BALANCE_BELOW", 10_000_000);
    const events: string[] = [];
    for (let i = 0; i < 100; i++) {
      const value = 10_000_000 + (i % 2 === 0 ? -500_000 : 500_000); // ±5%, inside the 20% margin
      const t = transition(r, value);
      if (t) {
        events.push(t);
        r = { ...r, state: t };
      }
    }
    expect(events).toEqual(["FIRING"]);
    const t = transition(r, 12_500_000);
    expect(t).toBe("RESOLVED");
  });
});
