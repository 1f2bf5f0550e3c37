// "Days of credit left at the last 7 days' burn rate": the balance report, the dashboard's alerts
// and the DAYS_LEFT_BELOW rule all count them this way. The week is the last 7 tenant-local days
// (today included), read from the daily rollups.
import { localDate } from "@/lib/time/tenant-calendar";

const DAY_MS = 86_400_000;

/** The first tenant-local day (YYYY-MM-DD) of the 7-day burn window. */
export function burnWindowStart(now: Date, timeZone: string): string {
  return localDate(new Date(now.getTime() - 6 * DAY_MS), timeZone);
}

export function burnPerDay(weekCost: bigint): bigint {
  return weekCost / 7n;
}

/** Days the available credits last at that burn, to one decimal; null when nothing was spent. */
export function daysOfCreditLeft(available: bigint, weekCost: bigint): number | null {
  const perDay = burnPerDay(weekCost);
  return perDay > 0n ? Math.max(0, Number((available * 10n) / perDay) / 10) : null;
}
