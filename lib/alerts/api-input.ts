// The admin API's bodies for alert rules and channels: JSON read into the drafts that
// lib/alerts/settings.ts checks exactly as it checks the dashboard's forms, so a rule or channel
// the pages refuse is refused here with the same sentence, field by field (422). A threshold is a
// whole number in the rule's stored unit: micro-USD for a balance (a string of digits or a safe
// integer), not the dollars a form takes. A change (PATCH) carries only what changes; the command
// checks the rule or channel it makes as a whole (lib/alerts/manage.ts, manage-channels.ts).
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
import type { AlertRuleKind } from "@/lib/generated/prisma/enums";
import { bigIntInput } from "@/lib/validation/inputs";

function report(ctx: z.RefinementCtx, issues: FieldIssue[]) {
  for (const i of issues) ctx.addIssue({ code: "custom", path: [i.path], message: i.message });
  return z.NEVER;
}

const kind = z.enum(ALL_ALERT_KINDS as [AlertRuleKind, ...AlertRuleKind[]]);
const threshold = bigIntInput("the rule's unit").meta({
  description:
    "In the rule's unit (`unit` in its answers): micro-USD for BALANCE_BELOW, a whole number otherwise. " +
    "Required unless the kind is a flag (CARD_EXPIRED, SUBSCRIPTION_PAST_DUE).",
  example: "10000000",
});
const resolveMarginPct = z.number().meta({
  description:
    "Hysteresis: the rule resolves only once the value is back past the threshold by this many percent (0–100).",
});
const windowMinutes = z.number().nullable().meta({ description: "REFUSALS only (required there): 1–1440." });
const refusalCode = z
  .string()
  .nullable()
  .meta({ description: "REFUSALS only: count refusals of this code (null: any)." });
const channelIds = z.array(z.string()).meta({ description: "The tenant's channels to notify (at most 50)." });
const ruleName = z
  .string()
  .meta({ description: "At most 100 characters; blank: named after kind and threshold." });

export const createRuleBody = z
  .strictObject({
    kind,
    name: ruleName.default(""),
    threshold: threshold.optional(),
    resolveMarginPct: resolveMarginPct.default(DEFAULT_RESOLVE_MARGIN_PCT),
    windowMinutes: windowMinutes.default(null),
    refusalCode: refusalCode.default(null),
    channelIds: channelIds.default([]),
  })
  .transform((b, ctx): RuleInput => {
    const checked = checkRule({ ...b, threshold: b.threshold ?? null });
    return checked.ok ? checked.value : report(ctx, checked.issues);
  });

const RULE_FIELDS = [
  "name",
  "threshold",
  "resolveMarginPct",
  "windowMinutes",
  "refusalCode",
  "channelIds",
  "enabled",
] as const;

export const updateRuleBody = z
  .strictObject({
    kind: kind.optional().meta({ description: "May be sent (as read), never changed." }),
    name: ruleName.optional(),
    threshold: threshold.optional(),
    resolveMarginPct: resolveMarginPct.optional(),
    windowMinutes: windowMinutes.optional(),
    refusalCode: refusalCode.optional(),
    channelIds: channelIds.optional(),
    enabled: z
      .boolean()
      .optional()
      .meta({ description: "Off: the rule keeps its state and is not evaluated. On: evaluated at once." }),
  })
  // A kind alone is accepted here so that a different one is refused by the command, saying why.
  .refine(
    (b) => b.kind !== undefined || RULE_FIELDS.some((f) => b[f] !== undefined),
    `send at least one of ${RULE_FIELDS.join(", ")}`,
  );

const routingKey = z.string().meta({ description: "PAGERDUTY only: the integration's routing key." });

export const createChannelBody = z
  .strictObject({
    kind: z.enum(CHANNEL_KINDS),
    name: z.string().meta({ description: "1–100 characters." }),
    target: z.string().default("").meta({
      description:
        "An https:// URL (WEBHOOK, SLACK, PAGERDUTY: blank for PagerDuty's Events API v2), an address for EMAIL.",
    }),
    routingKey: routingKey.optional(),
    attachToAll: z.boolean().default(false).meta({ description: "Add it to every rule of the tenant." }),
  })
  .transform((b, ctx): ChannelInput => {
    if (b.kind !== "PAGERDUTY" && b.routingKey !== undefined)
      return report(ctx, [{ path: "routingKey", message: "Only a PagerDuty channel has a routing key." }]);
    const checked = checkChannel({ ...b, routingKey: b.routingKey ?? null });
    return checked.ok ? { ...checked.value, attachToAll: b.attachToAll } : report(ctx, checked.issues);
  });

const CHANNEL_FIELDS = ["name", "target", "routingKey", "enabled"] as const;

export const updateChannelBody = z
  .strictObject({
    name: z.string().optional(),
    target: z.string().optional(),
    routingKey: routingKey.optional(),
    enabled: z.boolean().optional().meta({
      description: "Off: its rules no longer notify it; a queued delivery to it fails as disabled.",
    }),
  })
  .refine(
    (b) => CHANNEL_FIELDS.some((f) => b[f] !== undefined),
    `send at least one of ${CHANNEL_FIELDS.join(", ")}`,
  );
