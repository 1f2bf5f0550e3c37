// The alert pages' form schemas, shared by the browser (field errors at once) and the server
// actions (which parse again). Thresholds are typed in the rule's own unit: dollars for a balance
// (converted exactly to micro-USD), whole numbers otherwise. What a rule or channel may be is
// lib/alerts/settings.ts's to say, for these forms and the admin API alike: a form only reads its
// fields into a draft. Client-safe: no node or database imports.
import { z } from "zod";

import { ALL_ALERT_KINDS } from "@/lib/alerts/kinds";
import {
  CHANNEL_KINDS,
  checkChannel,
  checkRule,
  DEFAULT_RESOLVE_MARGIN_PCT,
  type ChannelInput,
  type FieldIssue,
  type RuleInput,
} from "@/lib/alerts/settings";
import { dollarsToMicros } from "@/lib/forms/dollars";
import type { AlertRuleKind, ChannelKind } from "@/lib/generated/prisma/enums";
import { MICROS_PER_USD } from "@/lib/money/format";

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** Each issue of a shared check (lib/alerts/settings.ts) as the form's field error. */
function report(ctx: z.RefinementCtx, issues: FieldIssue[]) {
  for (const i of issues) ctx.addIssue({ code: "custom", path: [i.path], message: i.message });
  return z.NEVER;
}

/** The threshold as the form shows it: "10.50" for a balance, "80" otherwise. */
export function thresholdInput(kind: AlertRuleKind, threshold: bigint): string {
  if (kind !== "BALANCE_BELOW") return threshold.toString();
  const cents = (threshold * 100n) / MICROS_PER_USD;
  return `${cents / 100n}.${(cents % 100n).toString().padStart(2, "0")}`;
}

const channelIds = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string()),
);

/**
 * The rule dialog: text as typed (a balance in dollars, other thresholds as whole numbers, blanks
 * for unset fields) read into a draft, which lib/alerts/settings.ts checks as it checks the API's.
 */
export const ruleForm = z
  .object({
    kind: z.enum(ALL_ALERT_KINDS as [AlertRuleKind, ...AlertRuleKind[]], "Choose what to watch"),
    name: z.string().default(""),
    threshold: z.string().trim().max(30).default(""),
    resolveMarginPct: z.preprocess(
      blankToUndefined,
      z.coerce.number("Enter a percentage").default(DEFAULT_RESOLVE_MARGIN_PCT),
    ),
    windowMinutes: z.preprocess(blankToUndefined, z.coerce.number("Enter minutes").optional()),
    refusalCode: z.preprocess(blankToUndefined, z.string().optional()),
    channelIds,
  })
  .transform((v, ctx): RuleInput => {
    // Dollars are the form's own unit: a balance that does not read as dollars is the form's error.
    const dollars = v.kind === "BALANCE_BELOW" ? dollarsToMicros(v.threshold) : undefined;
    const checked = checkRule({
      ...v,
      threshold: dollars !== undefined ? dollars : /^\d{1,9}$/.test(v.threshold) ? BigInt(v.threshold) : null,
      windowMinutes: v.windowMinutes ?? null,
      refusalCode: v.refusalCode ?? null,
    });
    if (dollars === null) {
      const others = checked.ok ? [] : checked.issues.filter((i) => i.path !== "threshold");
      return report(ctx, [
        { path: "threshold", message: "Enter an amount in dollars, e.g. 10 or 12.50" },
        ...others,
      ]);
    }
    return checked.ok ? checked.value : report(ctx, checked.issues);
  });

export const CHANNEL_LABELS: Record<ChannelKind, string> = {
  WEBHOOK: "Webhook",
  SLACK: "Slack",
  EMAIL: "Email",
  PAGERDUTY: "PagerDuty",
};

/** The channel dialog: its fields read into a draft that lib/alerts/settings.ts checks. */
export const channelForm = z
  .object({
    kind: z.enum(CHANNEL_KINDS, "Choose a channel type"),
    name: z.string().default(""),
    target: z.string().default(""),
    routingKey: z.string().default(""),
    attachToAll: z.preprocess((v) => v === "on" || v === true, z.boolean()).default(false),
  })
  .transform((v, ctx): ChannelInput => {
    const checked = checkChannel(v);
    return checked.ok ? { ...checked.value, attachToAll: v.attachToAll } : report(ctx, checked.issues);
  });

export const idForm = z.object({ id: z.string().min(1, "Nothing chosen").max(100) });

export const enabledForm = z.object({
  id: z.string().min(1).max(100),
  enabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});

/** The rule dialog's form: a rule, and the id of the rule being edited ("" or absent: a new one). */
export const saveRuleForm = z.intersection(
  z.object({ id: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(100).optional()) }),
  ruleForm,
);
export type SaveRuleInput = z.output<typeof saveRuleForm>;
