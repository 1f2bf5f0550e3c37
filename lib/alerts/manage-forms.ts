// The alert pages' form schemas, shared by the browser (field errors at once) and the server
// actions (which parse again). Thresholds are typed in the rule's own unit: dollars for a balance
// (converted exactly to micro-USD), whole numbers otherwise. Client-safe: no node or database imports.
import { z } from "zod";

import { ALERT_KINDS, ALL_ALERT_KINDS } from "@/lib/alerts/kinds";
import { describeThreshold } from "@/lib/alerts/payload";
import { dollarsToMicros } from "@/lib/forms/dollars";
import type { AlertRuleKind, ChannelKind } from "@/lib/generated/prisma/enums";
import { MICROS_PER_USD } from "@/lib/money/format";

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** Bounds of a whole-number threshold per kind; BALANCE_BELOW is dollars, flags take none. */
const WHOLE_BOUNDS: Partial<Record<AlertRuleKind, { min: number; max: number }>> = {
  BALANCE_BELOW_TOPUP_PCT: { min: 1, max: 100 },
  DAYS_LEFT_BELOW: { min: 1, max: 365 },
  QUOTA_USED_PCT: { min: 1, max: 1000 },
  CARD_EXPIRING: { min: 1, max: 365 },
  GRACE_ENDING: { min: 1, max: 720 },
  REFUSALS: { min: 1, max: 1_000_000 },
};

export const kindTakesThreshold = (kind: AlertRuleKind) => ALERT_KINDS[kind].direction !== "flag";

/** The threshold as the form shows it: "10.50" for a balance, "80" otherwise. */
export function thresholdInput(kind: AlertRuleKind, threshold: bigint): string {
  if (kind !== "BALANCE_BELOW") return threshold.toString();
  const cents = (threshold * 100n) / MICROS_PER_USD;
  return `${cents / 100n}.${(cents % 100n).toString().padStart(2, "0")}`;
}

const channelIds = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().min(1).max(100)).max(50, "At most 50 channels"),
);

export const ruleForm = z
  .object({
    kind: z.enum(ALL_ALERT_KINDS as [AlertRuleKind, ...AlertRuleKind[]], "Choose what to watch"),
    name: z.string().trim().max(100, "At most 100 characters").default(""),
    threshold: z.string().trim().max(30).default(""),
    resolveMarginPct: z.preprocess(
      blankToUndefined,
      z.coerce
        .number("Enter a percentage")
        .int("Whole percent")
        .min(0, "0 to 100")
        .max(100, "0 to 100")
        .default(20),
    ),
    windowMinutes: z.preprocess(
      blankToUndefined,
      z.coerce
        .number("Enter minutes")
        .int("Whole minutes")
        .min(1, "1 to 1,440 minutes")
        .max(1440, "1 to 1,440 minutes")
        .optional(),
    ),
    refusalCode: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^[a-z_]{1,64}$/, "Not a refusal code")
        .optional(),
    ),
    channelIds,
  })
  .transform((v, ctx) => {
    let threshold = 0n;
    if (v.kind === "BALANCE_BELOW") {
      const micros = dollarsToMicros(v.threshold);
      if (micros === null || micros === 0n)
        ctx.addIssue({
          code: "custom",
          path: ["threshold"],
          message: "Enter an amount in dollars, e.g. 10 or 12.50",
        });
      else threshold = micros;
    } else if (kindTakesThreshold(v.kind)) {
      const b = WHOLE_BOUNDS[v.kind]!;
      const n = /^\d{1,9}$/.test(v.threshold) ? Number(v.threshold) : NaN;
      if (!(n >= b.min && n <= b.max))
        ctx.addIssue({
          code: "custom",
          path: ["threshold"],
          message: `Enter a whole number from ${b.min.toLocaleString("en-US")} to ${b.max.toLocaleString("en-US")}`,
        });
      else threshold = BigInt(n);
    }
    if (v.kind === "REFUSALS" && v.windowMinutes === undefined)
      ctx.addIssue({ code: "custom", path: ["windowMinutes"], message: "Say over how many minutes" });
    const name =
      v.name ||
      (kindTakesThreshold(v.kind)
        ? `${ALERT_KINDS[v.kind].label} ${describeThreshold(v.kind, Number(threshold))}`
        : ALERT_KINDS[v.kind].label);
    return {
      kind: v.kind,
      name,
      threshold,
      resolveMarginPct: v.resolveMarginPct,
      channelIds: [...new Set(v.channelIds)],
      windowMinutes: v.kind === "REFUSALS" ? (v.windowMinutes ?? null) : null,
      refusalCode: v.kind === "REFUSALS" ? (v.refusalCode ?? null) : null,
    };
  });
export type RuleInput = z.output<typeof ruleForm>;

export const CHANNEL_KINDS = [
  "WEBHOOK",
  "SLACK",
  "EMAIL",
  "PAGERDUTY",
] as const satisfies readonly ChannelKind[];
export const CHANNEL_LABELS: Record<ChannelKind, string> = {
  WEBHOOK: "Webhook",
  SLACK: "Slack",
  EMAIL: "Email",
  PAGERDUTY: "PagerDuty",
};

export const channelForm = z
  .object({
    kind: z.enum(CHANNEL_KINDS, "Choose a channel type"),
    name: z.string().trim().min(1, "Name the channel").max(100, "At most 100 characters"),
    target: z.string().trim().max(2000, "At most 2,000 characters").default(""),
    routingKey: z.string().trim().max(200).default(""),
    attachToAll: z.preprocess((v) => v === "on" || v === true, z.boolean()).default(false),
  })
  .transform((v, ctx) => {
    if (v.kind === "EMAIL") {
      if (!z.email().safeParse(v.target).success)
        ctx.addIssue({ code: "custom", path: ["target"], message: "Enter an email address" });
    } else if (v.kind === "PAGERDUTY" && v.target === "") {
      // empty = PagerDuty's own Events API v2 endpoint (filled in by the server)
    } else if (!/^https?:\/\/\S+$/i.test(v.target) || !URL.canParse(v.target)) {
      ctx.addIssue({ code: "custom", path: ["target"], message: "Enter an https:// URL" });
    }
    if (v.kind === "PAGERDUTY" && !/^[A-Za-z0-9_-]{8,128}$/.test(v.routingKey))
      ctx.addIssue({
        code: "custom",
        path: ["routingKey"],
        message: "Enter the integration's routing key (32 characters)",
      });
    return {
      kind: v.kind,
      name: v.name,
      target: v.target,
      routingKey: v.kind === "PAGERDUTY" ? v.routingKey : null,
      attachToAll: v.attachToAll,
    };
  });
export type ChannelInput = z.output<typeof channelForm>;

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
