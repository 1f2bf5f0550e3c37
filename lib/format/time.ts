// Times as every page shows them: in the tenant's zone with the zone named, days as the tenant's
// calendar has them. Counts are in ./numbers.ts, money in lib/money/format.ts.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** "Nov 25, 2026, 10:31 AM EST" in the given zone (the zone is always named). */
export function formatDateTime(at: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      timeZone,
      timeZoneName: "short",
    });
    formatters.set(timeZone, f);
  }
  return f.format(at);
}

const dayFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** "Nov 25" for a tenant-local "YYYY-MM-DD" day (no zone shift: the day is already local). */
export function formatDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return dayFormat.format(new Date(Date.UTC(y!, m! - 1, d!)));
}

/** "1.5 days", "more than a year", or "no recent usage" when there is no burn to measure. */
export function formatDaysLeft(days: number | null): string {
  if (days === null) return "no recent usage";
  if (days > 365) return "more than a year";
  return `${days.toFixed(1)} day${days === 1 ? "" : "s"}`;
}
