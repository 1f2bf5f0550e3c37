// The alert state machine with hysteresis, pure. A rule fires when its value crosses the
// threshold and resolves only once the value is back past the threshold by the resolve margin
// (a balance rule at $10 with 20% fires below $10 and resolves at $12 or more), so a value
// wobbling at the threshold sends one FIRING and no storm. RESOLVED rests like OK: the next
// crossing fires again. A value of null means the condition does not apply (no card, no quota,
// no recent spend): a firing rule then resolves.
import { ALERT_KINDS } from "@/lib/alerts/kinds";
import type { AlertRuleKind, AlertState } from "@/lib/generated/prisma/enums";

export type RuleForTransition = {
  kind: AlertRuleKind;
  threshold: number;
  resolveMarginPct: number;
  state: AlertState;
};
export type Transition = "FIRING" | "RESOLVED" | null;

export function crossed(kind: AlertRuleKind, threshold: number, value: number | null): boolean {
  if (value === null) return false;
  const { direction } = ALERT_KINDS[kind];
  if (direction === "flag") return value >= 1;
  return direction === "below" ? value < threshold : value >= threshold;
}

export function recovered(
  kind: AlertRuleKind,
  threshold: number,
  marginPct: number,
  value: number | null,
): boolean {
  if (value === null) return true;
  const { direction } = ALERT_KINDS[kind];
  if (direction === "flag") return value < 1;
  const margin = Math.abs(threshold) * (marginPct / 100);
  return direction === "below" ? value >= threshold + margin : value < threshold - margin;
}

export function transition(rule: RuleForTransition, value: number | null): Transition {
  if (rule.state === "FIRING")
    return recovered(rule.kind, rule.threshold, rule.resolveMarginPct, value) ? "RESOLVED" : null;
  return crossed(rule.kind, rule.threshold, value) ? "FIRING" : null;
}
