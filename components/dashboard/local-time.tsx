import { formatDateTime } from "@/lib/format/time";

/** A time in the tenant's zone, zone named; the UTC instant on hover and in the markup. */
export function LocalTime({ at, timeZone }: { at: Date; timeZone: string }) {
  return (
    <time
      dateTime={at.toISOString()}
      title={`${at.toISOString().replace("T", " ").slice(0, 19)} UTC`}
      className="whitespace-nowrap tabular-nums"
    >
      {formatDateTime(at, timeZone)}
    </time>
  );
}
