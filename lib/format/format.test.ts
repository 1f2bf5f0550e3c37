import { describe, expect, it } from "vitest";

import { formatCount, formatPercent, formatTokens } from "@/lib/format/numbers";
import { formatDateTime, formatDay, formatDaysLeft } from "@/lib/format/time";

describe("numbers", () => {
  it("writes counts with separators and the unit", () => {
    expect(formatCount(1_234_567n)).toBe("1,234,567");
    expect(formatTokens(12_345)).toBe("12,345 tokens");
  });

  it.each([
    [875n, 1_000n, "87.5%"],
    [1n, 3n, "33.3%"],
    [2_000n, 1_000n, "200.0%"],
    [5n, 0n, "100.0%"],
  ])("%s of %s → %s", (used, limit, text) => {
    expect(formatPercent(used, limit)).toBe(text);
  });
});

describe("time", () => {
  it("names the zone and keeps a local day as it is", () => {
    expect(formatDateTime(new Date("2026-11-25T15:31:00Z"), "America/New_York")).toBe(
      "Nov 25, 2026, 10:31 AM EST",
    );
    expect(formatDay("2026-03-08")).toBe("Mar 8");
  });

  it.each([
    [null, "no recent usage"],
    [400, "more than a year"],
    [1, "1.0 day"],
    [1.5, "1.5 days"],
  ])("%s days left → %s", (days, text) => {
    expect(formatDaysLeft(days)).toBe(text);
  });
});
