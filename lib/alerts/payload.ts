// What a notification says, in words. The payload itself (lib/notify/alert-payload.ts) is built once
// when the alert event is recorded, stored on each delivery (the delivery log shows exactly what was
// sent) and rendered per channel at send time.
import { ALERT_KINDS } from "@/lib/alerts/kinds";
import type { AlertRuleKind } from "@/lib/generated/prisma/enums";
import { formatMicros } from "@/lib/money/format";

const round = (v: number) => Math.round(v * 10) / 10;

/** The value in the rule's own words: "$8.50", "2.5 days", "85% of monthly quota". */
export function describeValue(kind: AlertRuleKind, value: number | null): string {
  if (value === null) return "not applicable";
  switch (kind) {
    case "BALANCE_BELOW":
      return formatMicros(BigInt(Math.round(value)));
    case "CARD_EXPIRED":
    case "SUBSCRIPTION_PAST_DUE":
      return value >= 1 ? "yes" : "no";
    default:
      return `${round(value).toLocaleString("en-US")} ${ALERT_KINDS[kind].unit}`;
  }
}

export function describeThreshold(kind: AlertRuleKind, threshold: number): string {
  return kind === "BALANCE_BELOW"
    ? formatMicros(BigInt(threshold))
    : `${threshold.toLocaleString("en-US")} ${ALERT_KINDS[kind].unit}`;
}

export function alertMessage(
  rule: { name: string; kind: AlertRuleKind; threshold: number },
  firing: boolean,
  value: number | null,
  tenantName: string,
): string {
  const { direction } = ALERT_KINDS[rule.kind];
  const now = describeValue(rule.kind, value);
  if (direction === "flag") return `${tenantName}: ${rule.name} — ${firing ? "now" : "no longer"}.`;
  const side =
    direction === "below" ? (firing ? "below" : "back above") : firing ? "at or above" : "back below";
  return `${tenantName}: ${rule.name} — ${now}, ${side} ${describeThreshold(rule.kind, rule.threshold)}.`;
}
