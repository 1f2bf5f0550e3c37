// The read API: the operator's paged lists (tenants, and a tenant's keys, ledger, decisions and
// usage) and one decision by id, with the operator's token; and a tenant's own usage, with its key.
// Lists are newest first by (createdAt, id); `startingAfter` is the last item's id (an id the list
// does not hold is a 422 on `startingAfter`).
import {
  apiKeyPageSchema,
  decisionPageSchema,
  decisionParams,
  decisionSchema,
  decisionsQuery,
  keysQuery,
  ledgerPageSchema,
  ledgerQuery,
  tenantPageSchema,
  tenantsQuery,
  usageQuery,
  usageRollupsSchema,
} from "@/lib/api/schemas/admin-reads";
import { operation } from "@/lib/http/operation";
import { idParams } from "@/lib/validation/inputs";

const tag = "Admin: reads";

const PAGED = "Newest first; pass the last item's `id` as `startingAfter` for the next page while `hasMore`.";

const usageExample = {
  timeZone: "America/New_York",
  from: "2026-11-07",
  to: "2026-12-06",
  data: [
    {
      day: "2026-12-05",
      model: "gpt-4o-mini",
      inputTokens: "1250000",
      outputTokens: "310000",
      requests: 812,
      cost: "373500",
    },
  ],
};

export const listTenantsOperation = operation({
  method: "get",
  path: "/api/v1/admin/tenants",
  operationId: "listTenants",
  summary: "Tenants, by plan, status, subscription and whether their calls are refused now",
  description: `${PAGED} An unknown \`plan\` is a 422.`,
  tag,
  security: "adminToken",
  query: tenantsQuery,
  responses: { 200: { description: "A page of tenants.", schema: tenantPageSchema } },
});

export const listApiKeysOperation = operation({
  method: "get",
  path: "/api/v1/admin/tenants/{id}/keys",
  operationId: "listApiKeys",
  summary: "A tenant's API keys (never their secrets)",
  description: PAGED,
  tag,
  security: "adminToken",
  params: idParams,
  query: keysQuery,
  responses: { 200: { description: "A page of keys.", schema: apiKeyPageSchema } },
  problems: ["not_found"],
});

export const listLedgerOperation = operation({
  method: "get",
  path: "/api/v1/admin/tenants/{id}/ledger",
  operationId: "listLedgerEntries",
  summary: "A tenant's credit ledger",
  description: `${PAGED} Amounts are signed micro-USD; \`balanceAfter\` is the available balance after the entry.`,
  tag,
  security: "adminToken",
  params: idParams,
  query: ledgerQuery,
  responses: { 200: { description: "A page of ledger entries.", schema: ledgerPageSchema } },
  problems: ["not_found"],
});

export const listDecisionsOperation = operation({
  method: "get",
  path: "/api/v1/admin/tenants/{id}/decisions",
  operationId: "listDecisions",
  summary: "A tenant's authorize decisions, by outcome and refusal code",
  description: `${PAGED} Decisions reach the log within about 100 ms of their answer.`,
  tag,
  security: "adminToken",
  params: idParams,
  query: decisionsQuery,
  responses: { 200: { description: "A page of decisions.", schema: decisionPageSchema } },
  problems: ["not_found"],
});

export const getTenantUsageOperation = operation({
  method: "get",
  path: "/api/v1/admin/tenants/{id}/usage",
  operationId: "getTenantUsage",
  summary: "A tenant's daily usage by model, in its time zone",
  description:
    "Days are the tenant's calendar days. `to` defaults to today and `from` to 29 days before `to`; at most 366 days.",
  tag,
  security: "adminToken",
  params: idParams,
  query: usageQuery,
  responses: {
    200: { description: "The days with usage.", schema: usageRollupsSchema, example: usageExample },
  },
  problems: ["not_found"],
});

export const getDecisionOperation = operation({
  method: "get",
  path: "/api/v1/admin/decisions/{decisionId}",
  operationId: "getDecision",
  summary: "One decision, whichever tenant it was for",
  tag,
  security: "adminToken",
  params: decisionParams,
  responses: { 200: { description: "The decision.", schema: decisionSchema } },
  problems: ["not_found"],
});

export const getOwnUsageOperation = operation({
  method: "get",
  path: "/api/v1/usage",
  operationId: "getUsage",
  summary: "The key's tenant's daily usage by model",
  description:
    "Read-only, the tenant's own: the same rows and range rules as the admin's usage read. Days are " +
    "the tenant's calendar days; `to` defaults to today and `from` to 29 days before `to`; at most 366 days.",
  tag: "Decisions",
  security: "tenantKey",
  query: usageQuery,
  responses: {
    200: { description: "The days with usage.", schema: usageRollupsSchema, example: usageExample },
  },
});

/** The operator's reads, in the order the reference lists them. */
export const adminReadOperations = [
  listTenantsOperation,
  listApiKeysOperation,
  listLedgerOperation,
  listDecisionsOperation,
  getTenantUsageOperation,
  getDecisionOperation,
];
