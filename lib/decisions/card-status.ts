// A card's expiry as the dashboard shows it, on the same rule decide() applies: a card is valid
// through the last day of its expiry month (UTC) and "expiring" within 30 days of that.
import { cardExpiresAt } from "@/lib/decisions/decide";

const DAY_MS = 86_400_000;
export const EXPIRING_WITHIN_DAYS = 30;

export type CardStatus = "valid" | "expiring" | "expired";

export function cardStatus(
  card: { expMonth: number; expYear: number },
  now: Date,
): { status: CardStatus; expiresAt: Date } {
  const expiresAt = cardExpiresAt(card);
  const left = expiresAt.getTime() - now.getTime();
  const status = left <= 0 ? "expired" : left <= EXPIRING_WITHIN_DAYS * DAY_MS ? "expiring" : "valid";
  return { status, expiresAt };
}
