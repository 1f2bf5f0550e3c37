import { Badge } from "@/components/ui/badge";
import { cardStatus } from "@/lib/decisions/card-status";

/**
 * A card's expiry in the one status vocabulary, on the rule decide() applies (cardStatus): valid
 * (green), expiring within 30 days (amber), expired (red); no card is grey. "MM/YY" as the card
 * prints it.
 */
export function CardExpiryBadge({
  card,
  now,
}: {
  card: { expMonth: number; expYear: number } | null;
  now: Date;
}) {
  if (!card) return <Badge tone="muted">No card</Badge>;
  const mm = `${String(card.expMonth).padStart(2, "0")}/${String(card.expYear).slice(-2)}`;
  const { status } = cardStatus(card, now);
  if (status === "expired") return <Badge tone="bad">Expired {mm}</Badge>;
  if (status === "expiring") return <Badge tone="warn">Expires {mm}</Badge>;
  return <Badge tone="ok">Valid to {mm}</Badge>;
}
