// The admin provisioning API: plans, tenants, their billing, keys and credits, with the operator's token.
import { z } from "zod";

import {
  apiKeySchema,
  createdApiKeySchema,
  creditEntrySchema,
  manualBillingAnswerSchema,
  planSchema,
  tenantSchema,
} from "@/lib/api/schemas/admin";
import { manualBillingSchema } from "@/lib/billing/manual-billing";
import { operation } from "@/lib/http/operation";
import { createApiKeySchema } from "@/lib/keys/key-lifecycle";
import { grantCreditsSchema } from "@/lib/ledger/operator-grant";
import { planBodySchema, planKeySchema } from "@/lib/plans/manage-plans";
import { createTenantSchema } from "@/lib/tenants/create-tenant";
import { updateTenantSchema } from "@/lib/tenants/update-tenant";
import { idParams } from "@/lib/validation/inputs";

const tag = "Admin: provisioning";

const planExample = {
  key: "scale",
  name: "Scale",
  monthlyPrice: "49000000",
  stripePriceId: null,
  monthlyTokenQuota: "50000000",
  quotaMode: "HARD",
  requestsPerMinute: 600,
  maxContextTokens: 128000,
  features: ["chat", "tools"],
  allowedModels: ["gpt-4o-mini"],
  pastDueGraceDays: 7,
  requiresPaymentMethod: false,
  topUpAmounts: [],
  createdAt: "2026-12-06T05:00:00.000Z",
  updatedAt: "2026-12-06T05:00:00.000Z",
};

const tenantExample = {
  id: "cmwvvykvi0001i87d3x7h1hdk",
  name: "Redwood Insurance",
  slug: "redwood-insurance",
  planKey: "scale",
  timeZone: "America/New_York",
  status: "ACTIVE",
  dailySpendCap: null,
  monthlySpendCap: null,
  balance: { available: "0", reserved: "0" },
  billing: null,
  keys: [],
  createdAt: "2026-12-06T05:00:00.000Z",
  updatedAt: "2026-12-06T05:00:00.000Z",
};

export const listPlansOperation = operation({
  method: "get",
  path: "/api/v1/admin/plans",
  operationId: "listPlans",
  summary: "Every plan, cheapest first",
  tag,
  security: "adminToken",
  responses: { 200: { description: "The plans.", schema: z.object({ plans: z.array(planSchema) }) } },
});

export const putPlanOperation = operation({
  method: "put",
  path: "/api/v1/admin/plans/{key}",
  operationId: "putPlan",
  summary: "Create or replace a plan",
  description: "A field left out takes its default; `allowedModels` naming an unknown model is a 422.",
  tag,
  security: "adminToken",
  params: z.object({ key: planKeySchema }),
  body: planBodySchema,
  bodyExample: {
    name: "Scale",
    monthlyPrice: "49000000",
    monthlyTokenQuota: "50000000",
    requestsPerMinute: 600,
    maxContextTokens: 128000,
    features: ["chat", "tools"],
    allowedModels: ["gpt-4o-mini"],
    pastDueGraceDays: 7,
  },
  responses: {
    200: { description: "Replaced.", schema: planSchema },
    201: { description: "Created.", schema: planSchema, example: planExample },
  },
  problems: ["conflict"],
});

export const createTenantOperation = operation({
  method: "post",
  path: "/api/v1/admin/tenants",
  operationId: "createTenant",
  summary: "Create a tenant (with a zero credit balance)",
  description: "The slug is derived from the name when absent; a taken slug is a 409, an unknown plan a 422.",
  tag,
  security: "adminToken",
  body: createTenantSchema,
  bodyExample: { name: "Redwood Insurance", planKey: "scale", timeZone: "America/New_York" },
  responses: { 201: { description: "Created.", schema: tenantSchema, example: tenantExample } },
  problems: ["conflict"],
});

export const getTenantOperation = operation({
  method: "get",
  path: "/api/v1/admin/tenants/{id}",
  operationId: "getTenant",
  summary: "A tenant with its plan, balance, billing and keys",
  tag,
  security: "adminToken",
  params: idParams,
  responses: { 200: { description: "The tenant.", schema: tenantSchema } },
  problems: ["not_found"],
});

export const updateTenantOperation = operation({
  method: "patch",
  path: "/api/v1/admin/tenants/{id}",
  operationId: "updateTenant",
  summary: "Change a tenant's plan, zone, status or spending caps",
  description: "A new zone re-cuts the tenant's chart days and quota months from its usage events.",
  tag,
  security: "adminToken",
  params: idParams,
  body: updateTenantSchema,
  bodyExample: { monthlySpendCap: "40000000", status: "SUSPENDED" },
  responses: { 200: { description: "The tenant after the change.", schema: tenantSchema } },
  problems: ["not_found"],
});

export const setManualBillingOperation = operation({
  method: "put",
  path: "/api/v1/admin/tenants/{id}/billing",
  operationId: "setManualBilling",
  summary: "Set the subscription of a tenant invoiced outside Stripe",
  tag,
  security: "adminToken",
  params: idParams,
  body: manualBillingSchema,
  bodyExample: { mode: "manual", status: "active", currentPeriodEnd: "2026-12-31T23:59:59Z" },
  responses: { 200: { description: "The tenant's billing now.", schema: manualBillingAnswerSchema } },
  problems: ["not_found", "conflict"],
});

export const createApiKeyOperation = operation({
  method: "post",
  path: "/api/v1/admin/tenants/{id}/keys",
  operationId: "createApiKey",
  summary: "Issue an API key; its secret is in this answer only",
  tag,
  security: "adminToken",
  params: idParams,
  body: createApiKeySchema,
  bodyExample: { name: "production", models: ["gpt-4o-mini"], requireApproval: true, dailyBudget: "5000000" },
  responses: { 201: { description: "The key, with its secret.", schema: createdApiKeySchema } },
  problems: ["not_found"],
});

export const grantCreditsOperation = operation({
  method: "post",
  path: "/api/v1/admin/tenants/{id}/credits",
  operationId: "grantCredits",
  summary: "Grant (or deduct) credits, once per idempotencyKey",
  description:
    "A positive amount is a GRANT, a negative one an ADJUSTMENT that may not take the available balance " +
    "below 0. A repeat of the key answers the first result with `Idempotent-Replayed: true`.",
  tag,
  security: "adminToken",
  params: idParams,
  body: grantCreditsSchema,
  bodyExample: {
    amount: "25000000",
    reason: "Contract #4411 prepaid credit",
    idempotencyKey: "contract-4411",
    expiresAt: "2027-12-31T00:00:00Z",
  },
  responses: {
    201: {
      description: "The ledger entry.",
      schema: creditEntrySchema,
      headers: {
        "Idempotent-Replayed": {
          description: "true when this answers a repeat.",
          schema: { type: "string", enum: ["true", "false"] },
        },
      },
    },
  },
  problems: ["not_found", "insufficient_credits", "idempotency_key_reused"],
});

const keyAction = (action: "approve" | "revoke", summary: string) =>
  operation({
    method: "post",
    path: `/api/v1/admin/keys/{id}/${action}`,
    operationId: `${action}ApiKey`,
    summary,
    tag,
    security: "adminToken",
    params: idParams,
    responses: { 200: { description: "The key now (a repeat changes nothing).", schema: apiKeySchema } },
    problems: ["not_found", "conflict"],
  });

export const approveApiKeyOperation = keyAction("approve", "Approve a pending key");
export const revokeApiKeyOperation = keyAction("revoke", "Stop a key for good");

/** In the order the reference lists them. */
export const adminOperations = [
  listPlansOperation,
  putPlanOperation,
  createTenantOperation,
  getTenantOperation,
  updateTenantOperation,
  setManualBillingOperation,
  createApiKeyOperation,
  grantCreditsOperation,
  approveApiKeyOperation,
  revokeApiKeyOperation,
];
