// The admin API's alerts: a tenant's alert rules and notification channels, a test send, and the
// delivery log, with the operator's token. The same commands as the dashboard's alert pages
// (lib/alerts/manage.ts, manage-channels.ts), so the same checks, hysteresis, URL guard and audit.
import { z } from "zod";

import { createChannelBody, createRuleBody, updateChannelBody, updateRuleBody } from "@/lib/alerts/api-input";
import {
  alertRulePageSchema,
  alertRuleSchema,
  channelPageSchema,
  channelSchema,
  channelTestSchema,
  createdChannelSchema,
  deletedSchema,
  deliveryPageSchema,
} from "@/lib/api/schemas/alerts";
import { pageQuery } from "@/lib/api/schemas/wire";
import { operation } from "@/lib/http/operation";
import { idParams } from "@/lib/validation/inputs";

const TAG = "Admin: alerts";
const pathId = z.string().min(1).max(100);
const ruleParams = idParams.extend({ ruleId: pathId });
const channelParams = idParams.extend({ channelId: pathId });
// Strict, as the read API's: a misspelt filter is a 422, never the whole list.
const listQuery = z.strictObject(pageQuery.shape);
const deliveryQuery = z.strictObject({
  ...pageQuery.shape,
  status: z.enum(["PENDING", "FAILED", "SUCCEEDED", "DEAD"]).optional(),
});

const RULE_EXAMPLE = {
  id: "cmwx1r8ul0004qk7d2b1c9e3f",
  tenantId: "cmwvvykvi0001i87d3x7h1hdk",
  kind: "BALANCE_BELOW",
  name: "Balance below $10.00",
  threshold: "10000000",
  unit: "micro-USD",
  resolveMarginPct: 20,
  windowMinutes: null,
  refusalCode: null,
  enabled: true,
  isDefault: false,
  state: "FIRING",
  lastValue: "4200000",
  lastEvaluatedAt: "2026-12-06T05:00:00.000Z",
  stateChangedAt: "2026-12-06T05:00:00.000Z",
  channels: [{ id: "cmwx1q2ab0002qk7d0f6h8j2k", name: "ops hook", kind: "WEBHOOK" }],
  createdAt: "2026-12-06T05:00:00.000Z",
  updatedAt: "2026-12-06T05:00:00.000Z",
};
const CHANNEL_EXAMPLE = {
  id: "cmwx1q2ab0002qk7d0f6h8j2k",
  tenantId: "cmwvvykvi0001i87d3x7h1hdk",
  kind: "WEBHOOK",
  name: "ops hook",
  target: "https://hooks.example.com/tollgate",
  enabled: true,
  ruleCount: 1,
  createdAt: "2026-12-06T04:59:00.000Z",
  updatedAt: "2026-12-06T04:59:00.000Z",
};
const deleted = { 200: { description: "Deleted.", schema: deletedSchema } };

export const listAlertRulesOperation = operation({
  method: "get",
  path: "/api/v1/admin/tenants/{id}/alert-rules",
  operationId: "listAlertRules",
  summary: "A tenant's alert rules",
  description: "Default rules first, then oldest first.",
  tag: TAG,
  security: "adminToken",
  params: idParams,
  query: listQuery,
  responses: {
    200: {
      description: "A page of rules.",
      schema: alertRulePageSchema,
      example: { data: [RULE_EXAMPLE], hasMore: false },
    },
  },
  problems: ["not_found"],
});

export const createAlertRuleOperation = operation({
  method: "post",
  path: "/api/v1/admin/tenants/{id}/alert-rules",
  operationId: "createAlertRule",
  summary: "Add an alert rule",
  description:
    "Checked as the dashboard checks it (threshold bounds per kind, resolve margin 0–100, a window for " +
    "REFUSALS, the tenant's own channels) and evaluated at once: the answer's `state` is already right, " +
    "and a rule that fires notifies its channels. Audited as `alert_rule.create`.",
  tag: TAG,
  security: "adminToken",
  params: idParams,
  body: createRuleBody,
  bodyExample: { kind: "BALANCE_BELOW", threshold: "10000000", channelIds: ["cmwx1q2ab0002qk7d0f6h8j2k"] },
  responses: { 201: { description: "The rule, evaluated.", schema: alertRuleSchema, example: RULE_EXAMPLE } },
  problems: ["not_found"],
});

export const getAlertRuleOperation = operation({
  method: "get",
  path: "/api/v1/admin/tenants/{id}/alert-rules/{ruleId}",
  operationId: "getAlertRule",
  summary: "An alert rule",
  tag: TAG,
  security: "adminToken",
  params: ruleParams,
  responses: { 200: { description: "The rule.", schema: alertRuleSchema, example: RULE_EXAMPLE } },
  problems: ["not_found"],
});

export const updateAlertRuleOperation = operation({
  method: "patch",
  path: "/api/v1/admin/tenants/{id}/alert-rules/{ruleId}",
  operationId: "updateAlertRule",
  summary: "Change an alert rule, or switch it off or on",
  description:
    "Only what is sent changes; the rule that results is checked as a whole. Its kind never changes. " +
    "Audited as `alert_rule.update` and/or `alert_rule.enable`/`alert_rule.disable`; evaluated at once if on.",
  tag: TAG,
  security: "adminToken",
  params: ruleParams,
  body: updateRuleBody,
  bodyExample: { threshold: "5000000", resolveMarginPct: 50 },
  responses: { 200: { description: "The rule, evaluated.", schema: alertRuleSchema, example: RULE_EXAMPLE } },
  problems: ["not_found"],
});

export const deleteAlertRuleOperation = operation({
  method: "delete",
  path: "/api/v1/admin/tenants/{id}/alert-rules/{ruleId}",
  operationId: "deleteAlertRule",
  summary: "Delete an alert rule",
  description: "Deleted with its history, as in the dashboard. Audited as `alert_rule.delete`.",
  tag: TAG,
  security: "adminToken",
  params: ruleParams,
  responses: deleted,
  problems: ["not_found"],
});

export const listChannelsOperation = operation({
  method: "get",
  path: "/api/v1/admin/tenants/{id}/channels",
  operationId: "listChannels",
  summary: "A tenant's notification channels",
  description: "Oldest first. Secrets are never shown.",
  tag: TAG,
  security: "adminToken",
  params: idParams,
  query: listQuery,
  responses: {
    200: {
      description: "A page of channels.",
      schema: channelPageSchema,
      example: { data: [CHANNEL_EXAMPLE], hasMore: false },
    },
  },
  problems: ["not_found"],
});

export const createChannelOperation = operation({
  method: "post",
  path: "/api/v1/admin/tenants/{id}/channels",
  operationId: "createChannel",
  summary: "Add a notification channel",
  description:
    "The URL must be `https://`, without credentials and not a literal private, loopback or link-local " +
    "address (a name is checked again at each delivery, after DNS). A webhook gets a signing secret, " +
    "in this answer only. Audited as `notification_channel.create` (never the secret).",
  tag: TAG,
  security: "adminToken",
  params: idParams,
  body: createChannelBody,
  bodyExample: { kind: "WEBHOOK", name: "ops hook", target: "https://hooks.example.com/tollgate" },
  responses: {
    201: {
      description: "The channel, with its secret this once.",
      schema: createdChannelSchema,
      example: { ...CHANNEL_EXAMPLE, ruleCount: 0, attachedRules: 0, secret: "whsec_5hS0qk…" },
    },
  },
  problems: ["not_found"],
});

export const getChannelOperation = operation({
  method: "get",
  path: "/api/v1/admin/tenants/{id}/channels/{channelId}",
  operationId: "getChannel",
  summary: "A notification channel",
  tag: TAG,
  security: "adminToken",
  params: channelParams,
  responses: { 200: { description: "The channel.", schema: channelSchema, example: CHANNEL_EXAMPLE } },
  problems: ["not_found"],
});

export const updateChannelOperation = operation({
  method: "patch",
  path: "/api/v1/admin/tenants/{id}/channels/{channelId}",
  operationId: "updateChannel",
  summary: "Change a channel, or switch it off or on",
  description:
    "Name, target (checked like a new one), a PagerDuty routing key, or `enabled`. Its kind and a " +
    "webhook's secret stay. Audited as `notification_channel.update`.",
  tag: TAG,
  security: "adminToken",
  params: channelParams,
  body: updateChannelBody,
  bodyExample: { enabled: false },
  responses: { 200: { description: "The channel.", schema: channelSchema, example: CHANNEL_EXAMPLE } },
  problems: ["not_found"],
});

export const deleteChannelOperation = operation({
  method: "delete",
  path: "/api/v1/admin/tenants/{id}/channels/{channelId}",
  operationId: "deleteChannel",
  summary: "Delete a notification channel",
  description:
    "Deleted with its deliveries, and taken off its rules, as in the dashboard. Audited as " +
    "`notification_channel.delete`.",
  tag: TAG,
  security: "adminToken",
  params: channelParams,
  responses: deleted,
  problems: ["not_found"],
});

export const testChannelOperation = operation({
  method: "post",
  path: "/api/v1/admin/tenants/{id}/channels/{channelId}/test",
  operationId: "testChannel",
  summary: "Send a test notification",
  description:
    "Delivered at once through the real send path (URL guard, signature, 5 s deadline) and logged as " +
    "a test delivery. A failed delivery is a 200 that says so.",
  tag: TAG,
  security: "adminToken",
  params: channelParams,
  responses: {
    200: {
      description: "What happened.",
      schema: channelTestSchema,
      example: {
        deliveryId: "dlv_3f0c…",
        delivered: true,
        responseCode: 200,
        latencyMs: 41,
        error: null,
      },
    },
  },
  problems: ["not_found"],
});

export const listAlertDeliveriesOperation = operation({
  method: "get",
  path: "/api/v1/admin/tenants/{id}/alert-deliveries",
  operationId: "listAlertDeliveries",
  summary: "A tenant's delivery log",
  description: "Newest first, optionally of one `status`: what was sent where, and every attempt's answer.",
  tag: TAG,
  security: "adminToken",
  params: idParams,
  query: deliveryQuery,
  responses: { 200: { description: "A page of deliveries.", schema: deliveryPageSchema } },
  problems: ["not_found"],
});

/** In the order the reference lists them. */
export const alertOperations = [
  listAlertRulesOperation,
  createAlertRuleOperation,
  getAlertRuleOperation,
  updateAlertRuleOperation,
  deleteAlertRuleOperation,
  listChannelsOperation,
  createChannelOperation,
  getChannelOperation,
  updateChannelOperation,
  deleteChannelOperation,
  testChannelOperation,
  listAlertDeliveriesOperation,
];
