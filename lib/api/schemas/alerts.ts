// The answers of the admin API's alert routes (rules, channels, test sends, the delivery log), as
// lib/alerts/api-view.ts builds them. A channel's secret appears once, in the answer to its creation.
import { z } from "zod";

import { ALL_ALERT_KINDS } from "@/lib/alerts/kinds";
import { CHANNEL_KINDS } from "@/lib/alerts/settings";
import { pageOf, timestamp } from "@/lib/api/schemas/wire";
import type { AlertRuleKind } from "@/lib/generated/prisma/enums";

const ruleKind = z.enum(ALL_ALERT_KINDS as [AlertRuleKind, ...AlertRuleKind[]]);
const channelKind = z.enum(CHANNEL_KINDS);
/** A whole number in a rule's unit, as a decimal string (micro-USD for a balance: the wire's money). */
const inUnit = z.string().regex(/^-?\d+$/);
const deliveryStatus = z.enum(["PENDING", "FAILED", "SUCCEEDED", "DEAD"]);
const channelRef = z.object({ id: z.string(), name: z.string(), kind: channelKind });

export const alertRuleSchema = z
  .object({
    id: z.string(),
    tenantId: z.string(),
    kind: ruleKind,
    name: z.string(),
    threshold: inUnit.meta({
      description: "In `unit`: micro-USD for BALANCE_BELOW, a whole number otherwise; 0 for a flag.",
    }),
    unit: z
      .string()
      .nullable()
      .meta({ description: "The threshold's unit (`micro-USD`, `% of monthly quota`, …); null for a flag." }),
    resolveMarginPct: z.number().int().meta({
      description: "Hysteresis: fires past the threshold, resolves only this many percent back past it.",
    }),
    windowMinutes: z.number().int().nullable(),
    refusalCode: z.string().nullable(),
    enabled: z.boolean(),
    isDefault: z.boolean().meta({ description: "One of the rules every tenant starts with." }),
    state: z.enum(["OK", "FIRING", "RESOLVED"]),
    lastValue: inUnit.nullable().meta({ description: "The last evaluated value, in `unit`." }),
    lastEvaluatedAt: timestamp.nullable(),
    stateChangedAt: timestamp.nullable(),
    channels: z.array(channelRef),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "AlertRule", description: "An alert rule of a tenant and where it stands." });

export const channelSchema = z
  .object({
    id: z.string(),
    tenantId: z.string().nullable(),
    kind: channelKind,
    name: z.string(),
    target: z.string().meta({
      description: "The URL (a Slack URL, itself a credential, shortened) or the email address.",
    }),
    enabled: z.boolean(),
    ruleCount: z.number().int().meta({ description: "How many rules notify it." }),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "Channel", description: "Where a tenant's alerts go. Its secret is never shown again." });

export const createdChannelSchema = channelSchema
  .extend({
    attachedRules: z.number().int().meta({ description: "Rules it was added to (`attachToAll`)." }),
    secret: z.string().nullable().meta({
      description: "A webhook's signing secret (`whsec_…`): in this answer only. Null for other kinds.",
    }),
  })
  .meta({ id: "CreatedChannel" });

export const channelTestSchema = z
  .object({
    deliveryId: z.string().meta({ description: "The test's row in the delivery log." }),
    delivered: z.boolean(),
    responseCode: z
      .number()
      .int()
      .nullable()
      .meta({ description: "The receiver's HTTP status (250 for email)." }),
    latencyMs: z.number().int().nullable(),
    error: z.string().nullable().meta({ description: "Why it failed (secrets removed)." }),
  })
  .meta({ id: "ChannelTest", description: "What a test delivery did: sent at once, not queued." });

const attemptSchema = z.object({
  attempt: z.number().int(),
  ok: z.boolean(),
  responseCode: z.number().int().nullable(),
  responseBody: z.string().nullable(),
  latencyMs: z.number().int().nullable(),
  error: z.string().nullable(),
  createdAt: timestamp,
});

export const deliverySchema = z
  .object({
    id: z.string(),
    tenantId: z.string().nullable(),
    channel: channelRef,
    alert: z
      .object({
        eventId: z.string(),
        kind: z.enum(["FIRING", "RESOLVED"]),
        ruleId: z.string(),
        ruleName: z.string(),
      })
      .nullable()
      .meta({ description: "The transition it notifies; null for a test." }),
    isTest: z.boolean(),
    status: deliveryStatus,
    attempts: z.number().int(),
    responseCode: z.number().int().nullable(),
    responseBody: z.string().nullable(),
    latencyMs: z.number().int().nullable(),
    error: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()).meta({
      description: "Exactly what was sent (the alert payload of the README, its amounts as JSON numbers).",
    }),
    nextAttemptAt: timestamp.nullable(),
    deliveredAt: timestamp.nullable(),
    createdAt: timestamp,
    log: z.array(attemptSchema).meta({ description: "Every attempt, first first." }),
  })
  .meta({ id: "AlertDelivery", description: "One notification to one channel, with every attempt." });

export const alertRulePageSchema = pageOf(alertRuleSchema, "AlertRulePage");
export const channelPageSchema = pageOf(channelSchema, "ChannelPage");
export const deliveryPageSchema = pageOf(deliverySchema, "AlertDeliveryPage");

export const deletedSchema = z
  .object({ id: z.string(), deleted: z.literal(true) })
  .meta({ id: "Deleted", description: "What was deleted." });
