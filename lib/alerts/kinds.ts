// The closed vocabulary of alert rules: which way each kind crosses, and its unit. "below" kinds
// fire under the threshold, "above" kinds at or over it, "flag" kinds when the condition holds.
import type { AlertRuleKind } from "@/lib/generated/prisma/enums";

export type Direction = "below" | "above" | "flag";

export const ALERT_KINDS = {
  BALANCE_BELOW: { direction: "below", unit: "micro-USD", label: "Balance below" },
  BALANCE_BELOW_TOPUP_PCT: {
    direction: "below",
    unit: "% of last top-up",
    label: "Balance below a share of the last top-up",
  },
  DAYS_LEFT_BELOW: { direction: "below", unit: "days", label: "Days of credit left below" },
  QUOTA_USED_PCT: { direction: "above", unit: "% of monthly quota", label: "Quota used" },
  CARD_EXPIRING: { direction: "below", unit: "days to card expiry", label: "Card expiring within" },
  CARD_EXPIRED: { direction: "flag", unit: "", label: "Card expired" },
  SUBSCRIPTION_PAST_DUE: { direction: "flag", unit: "", label: "Subscription past due" },
  GRACE_ENDING: { direction: "below", unit: "hours of grace left", label: "Past-due grace ends within" },
  REFUSALS: { direction: "above", unit: "refused calls", label: "Refused calls" },
} as const satisfies Record<AlertRuleKind, { direction: Direction; unit: string; label: string }>;

export const ALL_ALERT_KINDS = Object.keys(ALERT_KINDS) as AlertRuleKind[];
