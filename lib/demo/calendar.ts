// Tenant-calendar lookups memoized for the demo build. Zone arithmetic costs about 0.1 ms a call
// and the build asks for the same few hundred local days and months tens of thousands of times;
// keyed by the local date, the answers are exactly lib/time/tenant-calendar's.
import { localDate, localDay, quotaPeriod, type Period } from "@/lib/time/tenant-calendar";

const days = new Map<string, Period>();
const months = new Map<string, Period>();

export function demoDay(at: Date, timeZone: string): Period {
  const key = `${timeZone}|${localDate(at, timeZone)}`;
  let day = days.get(key);
  if (!day) days.set(key, (day = localDay(at, timeZone)));
  return day;
}

export function demoMonth(at: Date, timeZone: string): Period {
  const key = `${timeZone}|${localDate(at, timeZone).slice(0, 7)}`;
  let month = months.get(key);
  if (!month) months.set(key, (month = quotaPeriod(at, timeZone)));
  return month;
}
