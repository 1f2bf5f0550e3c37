// The rules every new tenant starts with, so the first 402 is never the first warning: balance
// under 10% of the last top-up, under 3 days of credit left, quota at 80% and at 100%, card
// expiring within 30 days, subscription past due. Channels are added by the owner or an admin.
import type { AlertRuleKind } from "@/lib/generated/prisma/enums";

export const DEFAULT_RULES: ReadonlyArray<{ kind: AlertRuleKind; name: string; threshold: bigint }> = [
  { kind: "BALANCE_BELOW_TOPUP_PCT", name: "Balance below 10% of the last top-up", threshold: 10n },
  { kind: "DAYS_LEFT_BELOW", name: "Less than 3 days of credit left", threshold: 3n },
  { kind: "QUOTA_USED_PCT", name: "80% of the monthly quota used", threshold: 80n },
  { kind: "QUOTA_USED_PCT", name: "Monthly quota used up", threshold: 100n },
  { kind: "CARD_EXPIRING", name: "Card expiring within 30 days", threshold: 30n },
  { kind: "SUBSCRIPTION_PAST_DUE", name: "Subscription past due", threshold: 0n },
];

export function defaultRulesFor(tenantId: string) {
  return DEFAULT_RULES.map((r) => ({
    tenantId,
    kind: r.kind,
    name: r.name,
    threshold: r.threshold,
    isDefault: true,
  }));
}
