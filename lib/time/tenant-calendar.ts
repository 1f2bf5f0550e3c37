// Calendar arithmetic in a tenant's IANA time zone. Quota months start at the tenant's local
// midnight on the 1st; chart days are tenant-local calendar days. All results are UTC instants
// (or "YYYY-MM-DD" strings for local dates), so DST days are 23 or 25 hours long as they should be.
import { tz } from "@date-fns/tz";
import { addDays, addMonths, startOfDay, startOfMonth } from "date-fns";

export type Period = { start: Date; end: Date };

// Zone arithmetic costs ~0.1 ms a call and runs on every authorize, usage event and demo row, for
// a handful of distinct days and months: answers are kept, keyed by zone and local date (which a
// cached Intl formatter computes cheaply). Periods are immutable in use; callers must not mutate.
const MEMO_LIMIT = 50_000;
const dayMemo = new Map<string, Period>();
const monthMemo = new Map<string, Period>();

function memo(cache: Map<string, Period>, key: string, compute: () => Period): Period {
  let hit = cache.get(key);
  if (!hit) {
    if (cache.size >= MEMO_LIMIT) cache.clear();
    cache.set(key, (hit = compute()));
  }
  return hit;
}

/** The quota month containing `at`: [local midnight on the 1st, local midnight on the next 1st). */
export function quotaPeriod(at: Date, timeZone: string): Period {
  return memo(monthMemo, `${timeZone}|${localDate(at, timeZone).slice(0, 7)}`, () =>
    computeQuotaPeriod(at, timeZone),
  );
}

function computeQuotaPeriod(at: Date, timeZone: string): Period {
  const zone = tz(timeZone);
  const start = startOfMonth(at, { in: zone });
  const end = startOfMonth(addMonths(start, 1, { in: zone }), { in: zone });
  return { start: new Date(start.getTime()), end: new Date(end.getTime()) };
}

/** The tenant-local calendar day containing `at`. */
export function localDay(at: Date, timeZone: string): Period {
  return memo(dayMemo, `${timeZone}|${localDate(at, timeZone)}`, () => computeLocalDay(at, timeZone));
}

function computeLocalDay(at: Date, timeZone: string): Period {
  const zone = tz(timeZone);
  const start = startOfDay(at, { in: zone });
  const end = startOfDay(addDays(start, 1, { in: zone }), { in: zone });
  return { start: new Date(start.getTime()), end: new Date(end.getTime()) };
}

// Intl formatters are expensive to build and cheap to use: one per zone, kept. (en-CA formats
// dates as YYYY-MM-DD.) This runs once per usage event on the ingest path.
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** "YYYY-MM-DD" of `at` in the zone (the key of daily rollups). */
export function localDate(at: Date, timeZone: string): string {
  let f = dateFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dateFormatters.set(timeZone, f);
  }
  return f.format(at);
}

/** Throws on a zone name the runtime does not know. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}
