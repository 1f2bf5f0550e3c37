// The operations the client calls, one line each: operationId → method, path and credential. Their
// request and answer types come from schema.ts (generated from openapi.json); RouteOf refuses a line
// whose method and path do not serve that operation in the document, and sdk/test/schema.test.ts
// checks the lines against openapi.json itself (two operations of the same shape cannot be told
// apart by types alone).
import type { operations, paths } from "./schema.js";

type Method = "get" | "put" | "post" | "patch" | "delete";
export type Credential = "apiKey" | "adminToken";

/** The [method, path, credential] lines the document allows for an operation. */
type RouteOf<O extends keyof operations> = {
  [P in keyof paths]: {
    [M in Method]: [paths[P][M]] extends [operations[O]]
      ? [operations[O]] extends [paths[P][M]]
        ? readonly [M, P, Credential]
        : never
      : never;
  }[Method];
}[keyof paths];

export const ROUTES = {
  authorize: ["post", "/api/v1/authorize", "apiKey"],
  reportUsage: ["post", "/api/v1/usage", "apiKey"],
  release: ["post", "/api/v1/release", "apiKey"],
  getBalance: ["get", "/api/v1/balance", "apiKey"],
  getUsage: ["get", "/api/v1/usage", "apiKey"],
  listModels: ["get", "/api/v1/admin/models", "adminToken"],
  getModel: ["get", "/api/v1/admin/models/{id}", "adminToken"],
  putModel: ["put", "/api/v1/admin/models/{id}", "adminToken"],
  deactivateModel: ["delete", "/api/v1/admin/models/{id}", "adminToken"],
  changeModelPrice: ["post", "/api/v1/admin/models/{id}/prices", "adminToken"],
  listPlans: ["get", "/api/v1/admin/plans", "adminToken"],
  putPlan: ["put", "/api/v1/admin/plans/{key}", "adminToken"],
  createTenant: ["post", "/api/v1/admin/tenants", "adminToken"],
  getTenant: ["get", "/api/v1/admin/tenants/{id}", "adminToken"],
  updateTenant: ["patch", "/api/v1/admin/tenants/{id}", "adminToken"],
  setManualBilling: ["put", "/api/v1/admin/tenants/{id}/billing", "adminToken"],
  createApiKey: ["post", "/api/v1/admin/tenants/{id}/keys", "adminToken"],
  approveApiKey: ["post", "/api/v1/admin/keys/{id}/approve", "adminToken"],
  revokeApiKey: ["post", "/api/v1/admin/keys/{id}/revoke", "adminToken"],
  grantCredits: ["post", "/api/v1/admin/tenants/{id}/credits", "adminToken"],
  listTenants: ["get", "/api/v1/admin/tenants", "adminToken"],
  listApiKeys: ["get", "/api/v1/admin/tenants/{id}/keys", "adminToken"],
  listLedgerEntries: ["get", "/api/v1/admin/tenants/{id}/ledger", "adminToken"],
  listDecisions: ["get", "/api/v1/admin/tenants/{id}/decisions", "adminToken"],
  getTenantUsage: ["get", "/api/v1/admin/tenants/{id}/usage", "adminToken"],
  getDecision: ["get", "/api/v1/admin/decisions/{decisionId}", "adminToken"],
  // Alert rules, channels and deliveries: through call(), e.g. call("createAlertRule", { params: { id }, body }).
  listAlertRules: ["get", "/api/v1/admin/tenants/{id}/alert-rules", "adminToken"],
  createAlertRule: ["post", "/api/v1/admin/tenants/{id}/alert-rules", "adminToken"],
  getAlertRule: ["get", "/api/v1/admin/tenants/{id}/alert-rules/{ruleId}", "adminToken"],
  updateAlertRule: ["patch", "/api/v1/admin/tenants/{id}/alert-rules/{ruleId}", "adminToken"],
  deleteAlertRule: ["delete", "/api/v1/admin/tenants/{id}/alert-rules/{ruleId}", "adminToken"],
  listChannels: ["get", "/api/v1/admin/tenants/{id}/channels", "adminToken"],
  createChannel: ["post", "/api/v1/admin/tenants/{id}/channels", "adminToken"],
  getChannel: ["get", "/api/v1/admin/tenants/{id}/channels/{channelId}", "adminToken"],
  updateChannel: ["patch", "/api/v1/admin/tenants/{id}/channels/{channelId}", "adminToken"],
  deleteChannel: ["delete", "/api/v1/admin/tenants/{id}/channels/{channelId}", "adminToken"],
  testChannel: ["post", "/api/v1/admin/tenants/{id}/channels/{channelId}/test", "adminToken"],
  listAlertDeliveries: ["get", "/api/v1/admin/tenants/{id}/alert-deliveries", "adminToken"],
} as const satisfies { [O in keyof operations]?: RouteOf<O> };

export type OperationId = keyof typeof ROUTES;

type Op<O extends OperationId> = operations[O];
type PathParams<O extends OperationId> = Op<O>["parameters"]["path"];
type Query<O extends OperationId> = Op<O>["parameters"]["query"];

/** The JSON body an operation takes, or undefined. */
export type RequestBody<O extends OperationId> =
  Op<O> extends { requestBody: { content: { "application/json": infer B } } } ? B : undefined;

type SuccessStatus = 200 | 201 | 202 | 204;
type JsonOf<R> = R extends { content: { "application/json": infer J } } ? J : undefined;

/** The body of an operation's successful answers (a union when it has several, as putPlan's 200 and 201). */
export type Answer<O extends OperationId> = {
  [S in SuccessStatus & keyof Op<O>["responses"]]: JsonOf<Op<O>["responses"][S]>;
}[SuccessStatus & keyof Op<O>["responses"]];

/** What call() takes for an operation: `params`, `query` and `body`, each required when the operation needs it. */
export type CallInput<O extends OperationId> = (PathParams<O> extends undefined
  ? { params?: undefined }
  : { params: PathParams<O> }) &
  (RequestBody<O> extends undefined ? { body?: undefined } : { body: RequestBody<O> }) &
  (undefined extends Query<O> ? { query?: Query<O> } : { query: Query<O> });

/** `call(op)` when the operation needs nothing, `call(op, input)` otherwise. */
export type CallArgs<O extends OperationId> =
  Record<string, never> extends CallInput<O> ? [input?: CallInput<O>] : [input: CallInput<O>];
