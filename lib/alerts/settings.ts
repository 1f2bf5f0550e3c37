// What an alert rule and a notification channel may be: the one set of checks on typed values that
// the dashboard's forms (lib/alerts/manage-forms.ts, in the browser and again in the action), the
// admin API's bodies (lib/alerts/api-input.ts) and the commands themselves (lib/alerts/manage.ts)
// all apply. A boundary only turns its own shape into these values — a form's "12.50" dollars and
// "" blanks, a JSON body's micro-USD strings — and reports what these checks say, field by field.
// Pure and client-safe: no node or database imports. Outbound URL safety (SSRF) needs the
// environment and is the commands' (lib/notify/safe-post.ts's checkUrl).
import { z } from "zod";

import { ALERT_KINDS } from "@/lib/alerts/kinds";
import { describeThreshold } from "@/lib/alerts/payload";
import type { AlertRuleKind, ChannelKind } from "@/lib/generated/prisma/enums";

export type FieldIssue = { path: string; message: string };
export type Checked<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

export const DEFAULT_RESOLVE_MARGIN_PCT = 20;

/**
 * Bounds of a rule's threshold in its stored unit: micro-USD for a balance (above $0, at most
 * $1 billion, the admin API's money ceiling), whole numbers otherwise. Flags take none.
 */
export const THRESHOLD_BOUNDS: Partial<Record<AlertRuleKind, { min: bigint; max: bigint }>> = {
  BALANCE_BELOW: { min: 1n, max: 1_000_000_000_000_000n },
  BALANCE_BELOW_TOPUP_PCT: { min: 1n, max: 100n },
  DAYS_LEFT_BELOW: { min: 1n, max: 365n },
  QUOTA_USED_PCT: { min: 1n, max: 1000n },
  CARD_EXPIRING: { min: 1n, max: 365n },
  GRACE_ENDING: { min: 1n, max: 720n },
  REFUSALS: { min: 1n, max: 1_000_000n },
};

export const kindTakesThreshold = (kind: AlertRuleKind) => ALERT_KINDS[kind].direction !== "flag";

/** A rule as a boundary read it, before the checks. */
export type RuleDraft = {
  kind: AlertRuleKind;
  /** Blank: named after the kind and threshold. */
  name: string;
  /** In the kind's stored unit; null when none was given. Ignored for flags. */
  threshold: bigint | null;
  /** Hysteresis: how far past the threshold the value must come back before the rule resolves. */
  resolveMarginPct: number;
  /** REFUSALS only (required there); ignored otherwise. */
  windowMinutes: number | null;
  /** REFUSALS only (null = any code); ignored otherwise. */
  refusalCode: string | null;
  channelIds: string[];
};

/** A rule as it is stored: checked, named, with the refusal settings only on a refusal rule. */
export type RuleInput = {
  kind: AlertRuleKind;
  name: string;
  threshold: bigint;
  resolveMarginPct: number;
  windowMinutes: number | null;
  refusalCode: string | null;
  channelIds: string[];
};

const whole = (n: bigint) => n.toLocaleString("en-US");

function thresholdMessage(kind: AlertRuleKind, b: { min: bigint; max: bigint }): string {
  return kind === "BALANCE_BELOW"
    ? "Enter an amount above $0, at most $1,000,000,000"
    : `Enter a whole number from ${whole(b.min)} to ${whole(b.max)}`;
}

/** Checks a rule's settings: the rule as stored, or what is wrong with it by field. */
export function checkRule(d: RuleDraft): Checked<RuleInput> {
  const issues: FieldIssue[] = [];
  const issue = (path: string, message: string) => issues.push({ path, message });

  const name = d.name.trim();
  if (name.length > 100) issue("name", "At most 100 characters");

  let threshold = 0n;
  const bounds = THRESHOLD_BOUNDS[d.kind];
  if (bounds) {
    if (d.threshold === null || d.threshold < bounds.min || d.threshold > bounds.max)
      issue("threshold", thresholdMessage(d.kind, bounds));
    else threshold = d.threshold;
  }

  if (!Number.isInteger(d.resolveMarginPct)) issue("resolveMarginPct", "Whole percent");
  else if (d.resolveMarginPct < 0 || d.resolveMarginPct > 100) issue("resolveMarginPct", "0 to 100");

  const refusals = d.kind === "REFUSALS";
  if (refusals) {
    if (d.windowMinutes === null) issue("windowMinutes", "Say over how many minutes");
    else if (!Number.isInteger(d.windowMinutes)) issue("windowMinutes", "Whole minutes");
    else if (d.windowMinutes < 1 || d.windowMinutes > 1440) issue("windowMinutes", "1 to 1,440 minutes");
    if (d.refusalCode !== null && !/^[a-z_]{1,64}$/.test(d.refusalCode))
      issue("refusalCode", "Not a refusal code");
  }

  const channelIds = [...new Set(d.channelIds)];
  if (channelIds.length > 50) issue("channelIds", "At most 50 channels");
  else if (channelIds.some((id) => id.length === 0 || id.length > 100))
    issue("channelIds", "Not a channel id");

  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    value: {
      kind: d.kind,
      name:
        name ||
        (bounds
          ? `${ALERT_KINDS[d.kind].label} ${describeThreshold(d.kind, Number(threshold))}`
          : ALERT_KINDS[d.kind].label),
      threshold,
      resolveMarginPct: d.resolveMarginPct,
      windowMinutes: refusals ? d.windowMinutes : null,
      refusalCode: refusals ? d.refusalCode : null,
      channelIds,
    },
  };
}

export const CHANNEL_KINDS = [
  "WEBHOOK",
  "SLACK",
  "EMAIL",
  "PAGERDUTY",
] as const satisfies readonly ChannelKind[];

/** A channel as a boundary read it, before the checks. */
export type ChannelDraft = {
  kind: ChannelKind;
  name: string;
  /** A URL (an email address for EMAIL); "" for PagerDuty's own Events API v2 endpoint. */
  target: string;
  /** PAGERDUTY only: the integration's routing key (stored as the channel's secret). */
  routingKey: string | null;
};

/** A new channel: its settings, and whether to add it to every rule of the tenant. */
export type ChannelInput = ChannelDraft & { attachToAll: boolean };

/**
 * Checks a channel's settings: the channel trimmed as stored, or what is wrong with it by field.
 * (Whether its URL may be called is the command's check, against the environment.)
 */
export function checkChannel(d: ChannelDraft): Checked<ChannelDraft> {
  const issues: FieldIssue[] = [];
  const issue = (path: string, message: string) => issues.push({ path, message });
  const name = d.name.trim();
  const target = d.target.trim();
  if (name === "") issue("name", "Name the channel");
  else if (name.length > 100) issue("name", "At most 100 characters");
  if (target.length > 2000) issue("target", "At most 2,000 characters");
  else if (d.kind === "EMAIL") {
    if (!z.email().safeParse(target).success) issue("target", "Enter an email address");
  } else if (d.kind === "PAGERDUTY" && target === "") {
    // empty = PagerDuty's own Events API v2 endpoint (filled in by the command)
  } else if (!/^https?:\/\/\S+$/i.test(target) || !URL.canParse(target)) {
    issue("target", "Enter an https:// URL");
  }
  const routingKey = d.kind === "PAGERDUTY" ? (d.routingKey ?? "").trim() : null;
  if (routingKey !== null && !/^[A-Za-z0-9_-]{8,128}$/.test(routingKey))
    issue("routingKey", "Enter the integration's routing key (32 characters)");
  if (issues.length) return { ok: false, issues };
  return { ok: true, value: { kind: d.kind, name, target, routingKey } };
}
