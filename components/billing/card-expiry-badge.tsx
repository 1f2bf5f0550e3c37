import { Badge } from "@/components/ui/badge";

/** Cards are valid through the last day of their expiry month (UTC); amber within 30 days of it. */
export function CardExpiryBadge({
  expMonth,
  expYear,
  now,
}: {
  expMonth: number;
  expYear: number;
  now: Date;
}) {
  const endsAt = Date.UTC(expYear, expMonth, 1);
  const mm = `${String(expMonth).padStart(2, "0")}/${expYear}`;
  if (endsAt <= now.getTime()) return <Badge tone="bad">Expired {mm}</Badge>;
  if (endsAt - now.getTime() < 30 * 86_400_000) return <Badge tone="warn">Expires {mm}</Badge>;
  return <Badge tone="ok">Valid to {mm}</Badge>;
}
