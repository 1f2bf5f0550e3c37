import { describe, expect, it } from "vitest";

import { isValidTimeZone, localDate, localDay, quotaPeriod } from "@/lib/time/tenant-calendar";

const iso = (d: Date) => d.toISOString();

describe("quotaPeriod", () => {
  it.each([
    // [now, zone, start, end]
    ["2026-11-25T12:00:00Z", "UTC", "2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z"],
    // New York: November starts in EDT (-4), December in EST (-5): the DST change is inside.
    ["2026-11-25T12:00:00Z", "America/New_York", "2026-11-01T04:00:00.000Z", "2026-12-01T05:00:00.000Z"],
    // March holds the spring-forward day.
    ["2026-03-15T12:00:00Z", "America/New_York", "2026-03-01T05:00:00.000Z", "2026-04-01T04:00:00.000Z"],
    // Kolkata is +05:30 all year: local midnight is 18:30 UTC the day before.
    ["2026-11-25T12:00:00Z", "Asia/Kolkata", "2026-10-31T18:30:00.000Z", "2026-11-30T18:30:00.000Z"],
    // 20:00 UTC on Nov 30 is already Dec 1 in Kolkata.
    ["2026-11-30T20:00:00Z", "Asia/Kolkata", "2026-11-30T18:30:00.000Z", "2026-12-31T18:30:00.000Z"],
    // 02:00 UTC on Dec 1 is still Nov 30 in New York.
    ["2026-12-01T02:00:00Z", "America/New_York", "2026-11-01T04:00:00.000Z", "2026-12-01T05:00:00.000Z"],
    ["2026-10-10T12:00:00Z", "Europe/Berlin", "2026-09-30T22:00:00.000Z", "2026-10-31T23:00:00.000Z"],
  ])("%s in %s → [%s, %s)", (now, zone, start, end) => {
    const p = quotaPeriod(new Date(now), zone);
    expect(iso(p.start)).toBe(start);
    expect(iso(p.end)).toBe(end);
  });
});

describe("localDay", () => {
  it("is 23 hours on the spring-forward day and 25 on the fall-back day in New York", () => {
    const spring = localDay(new Date("2026-03-08T15:00:00Z"), "America/New_York");
    const fall = localDay(new Date("2026-11-01T15:00:00Z"), "America/New_York");
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(23);
    expect((fall.end.getTime() - fall.start.getTime()) / 3_600_000).toBe(25);
  });

  it("cuts Kolkata days at 18:30 UTC", () => {
    expect(localDate(new Date("2026-11-24T18:29:59Z"), "Asia/Kolkata")).toBe("2026-11-24");
    expect(localDate(new Date("2026-11-24T18:30:00Z"), "Asia/Kolkata")).toBe("2026-11-25");
  });
});

describe("isValidTimeZone", () => {
  it.each([
    ["UTC", true],
    ["Asia/Kolkata", true],
    ["Mars/Olympus", false],
    ["", false],
  ])("%s → %s", (zone, ok) => {
    expect(isValidTimeZone(zone)).toBe(ok);
  });
});

describe("memoized answers", () => {
  it("are keyed by zone and local date, so instants either side of a local midnight get their own day and month", () => {
    const before = new Date("2026-10-31T18:29:59Z"); // Oct 31 23:59:59 in Kolkata
    const after = new Date("2026-10-31T18:30:00Z"); // Nov 1 00:00 in Kolkata
    expect(localDay(before, "Asia/Kolkata")).toBe(localDay(new Date("2026-10-31T00:00:00Z"), "Asia/Kolkata"));
    expect(iso(localDay(after, "Asia/Kolkata").start)).toBe("2026-10-31T18:30:00.000Z");
    expect(iso(quotaPeriod(before, "Asia/Kolkata").start)).toBe("2026-09-30T18:30:00.000Z");
    expect(iso(quotaPeriod(after, "Asia/Kolkata").start)).toBe("2026-10-31T18:30:00.000Z");
    // The same instant in another zone is another key.
    expect(iso(localDay(after, "UTC").start)).toBe("2026-10-31T00:00:00.000Z");
  });
});
