// The out-of-order guard, case by case.
import { describe, expect, it } from "vitest";

import { mayOverwrite } from "@/lib/billing/mirror/order";

type S = "trialing" | "active" | "past_due" | "canceled";
const RANK: Record<S, number> = { trialing: 1, active: 2, past_due: 3, canceled: 9 };
const TERMINAL: ReadonlySet<S> = new Set(["canceled"]);
const t = (s: number) => new Date(s * 1000);

describe("mayOverwrite", () => {
  it.each<[string, { at: Date | null; state: S } | null, { at: Date; state: S }, boolean]>([
    ["nothing stored yet", null, { at: t(1), state: "active" }, true],
    ["a row never written by an event", { at: null, state: "active" }, { at: t(1), state: "past_due" }, true],
    ["a newer event", { at: t(10), state: "past_due" }, { at: t(11), state: "active" }, true],
    ["an older event", { at: t(10), state: "active" }, { at: t(9), state: "past_due" }, false],
    [
      "same second, state moved forward",
      { at: t(10), state: "active" },
      { at: t(10), state: "past_due" },
      true,
    ],
    [
      "same second, same state (a repeat)",
      { at: t(10), state: "active" },
      { at: t(10), state: "active" },
      true,
    ],
    [
      "same second, state went backwards",
      { at: t(10), state: "past_due" },
      { at: t(10), state: "trialing" },
      false,
    ],
    [
      "a terminal row and a newer non-terminal event (no resurrection)",
      { at: t(10), state: "canceled" },
      { at: t(99), state: "active" },
      false,
    ],
    [
      "a terminal row refreshed by a newer terminal snapshot",
      { at: t(10), state: "canceled" },
      { at: t(11), state: "canceled" },
      true,
    ],
    [
      "a terminal row and an older terminal snapshot",
      { at: t(10), state: "canceled" },
      { at: t(9), state: "canceled" },
      false,
    ],
  ])("%s → %s", (_name, stored, incoming, expected) => {
    expect(mayOverwrite(stored, incoming, RANK, TERMINAL)).toBe(expected);
  });
});
