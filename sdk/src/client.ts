// createTollgate(): one typed call() over the operations table, and the named methods on top of it.
// Answers are trusted to be what openapi.json says (they are not validated again here): the types
// are the document's, generated into schema.ts.
import { TollgateUnavailable } from "./errors.js";
import { guard, type GuardOptions, type GuardOutcome } from "./guard.js";
import {
  ROUTES,
  type Answer,
  type CallArgs,
  type CallInput,
  type Credential,
  type OperationId,
  type RequestBody,
} from "./operations.js";
import { withRetries, type RetryPolicy } from "./retry.js";
import type { components } from "./schema.js";
import { exchange, type Transport } from "./transport.js";

/**
 * What authorize and guard do when Tollgate cannot answer (unreachable, past timeoutMs, or 5xx).
 * "closed" throws TollgateUnavailable: an outage of Tollgate is an outage of your API.
 * "open" lets the call through unreserved: calls made during the outage are not held against
 * balances or quotas, so tenants can overspend until it ends.
 */
export type FailMode = "closed" | "open";

export type AuthorizeRequest = RequestBody<"authorize">;
export type AuthorizeAllowed = components["schemas"]["AuthorizeAllowed"];
export type UsageEvent = Exclude<RequestBody<"reportUsage">, readonly unknown[]>;
export type UsageReport = Answer<"reportUsage">;
export type Balance = Answer<"getBalance">;

export type Authorized = AuthorizeAllowed & { failOpen: false };
/** Let through without a decision because Tollgate could not answer (failMode "open" only). */
export type FailedOpen = {
  allowed: true;
  failOpen: true;
  requestId: string;
  reservation: null;
  cause: TollgateUnavailable;
};
export type AuthorizeResult<M extends FailMode> = M extends "open" ? Authorized | FailedOpen : Authorized;

export type ErrorContext = { operation: "authorize" | "reportUsage" | "release"; requestId: string };

export type TollgateOptions<M extends FailMode = "closed"> = {
  /** Where Tollgate answers, e.g. "http://localhost:3000". */
  baseUrl: string;
  /** A tenant's API key: authorize, reportUsage, release, balance. */
  apiKey?: string;
  /** The operator's token (TOLLGATE_ADMIN_TOKEN): the admin methods. */
  adminToken?: string;
  /** The deadline of one HTTP exchange, answer included (default 2,000 ms). */
  timeoutMs?: number;
  /** Default "closed". */
  failMode?: M;
  fetch?: typeof fetch;
  /** How authorize and guard retry refusals that may pass later (see retry.ts). */
  retry?: RetryPolicy;
  /**
   * Told of what the client swallows on your behalf: failing open, and a usage report or release
   * inside guard() that failed (the call's own result or error still reaches you). Default: console.warn.
   */
  onError?: (error: unknown, context: ErrorContext) => void;
};

export interface Tollgate<M extends FailMode = "closed"> {
  /** Any operation of the table by its operationId, typed from openapi.json. */
  call<O extends OperationId>(operationId: O, ...args: CallArgs<O>): Promise<Answer<O>>;
  /** May this call proceed? Throws TollgateRefusal when not (after the retries the policy allows). */
  authorize(request: AuthorizeRequest, opts?: { retry?: RetryPolicy }): Promise<AuthorizeResult<M>>;
  reportUsage(events: UsageEvent | UsageEvent[]): Promise<UsageReport>;
  /** Give a reservation back now rather than at its expiry (the call was not made, or failed). */
  release(request: RequestBody<"release">): Promise<Answer<"release">>;
  balance(): Promise<Balance>;
  /** The key's tenant's usage by day and model (`from`/`to`: days in the tenant's zone). */
  usage(query?: CallInput<"getUsage">["query"]): Promise<Answer<"getUsage">>;
  /** authorize → run → report usage; a run that throws releases its reservation. */
  guard<T>(
    request: AuthorizeRequest,
    run: (auth: AuthorizeResult<M>) => Promise<GuardOutcome<T>>,
    opts?: GuardOptions,
  ): Promise<T>;
  admin: {
    listModels(): Promise<Answer<"listModels">>;
    getModel(id: string): Promise<Answer<"getModel">>;
    putModel(id: string, model: RequestBody<"putModel">): Promise<Answer<"putModel">>;
    deactivateModel(id: string): Promise<Answer<"deactivateModel">>;
    changeModelPrice(id: string, price: RequestBody<"changeModelPrice">): Promise<Answer<"changeModelPrice">>;
    listPlans(): Promise<Answer<"listPlans">>;
    putPlan(key: string, plan: RequestBody<"putPlan">): Promise<Answer<"putPlan">>;
    createTenant(tenant: RequestBody<"createTenant">): Promise<Answer<"createTenant">>;
    getTenant(id: string): Promise<Answer<"getTenant">>;
    updateTenant(id: string, change: RequestBody<"updateTenant">): Promise<Answer<"updateTenant">>;
    setManualBilling(
      id: string,
      billing: RequestBody<"setManualBilling">,
    ): Promise<Answer<"setManualBilling">>;
    createApiKey(tenantId: string, key: RequestBody<"createApiKey">): Promise<Answer<"createApiKey">>;
    approveApiKey(id: string): Promise<Answer<"approveApiKey">>;
    revokeApiKey(id: string): Promise<Answer<"revokeApiKey">>;
    grantCredits(tenantId: string, grant: RequestBody<"grantCredits">): Promise<Answer<"grantCredits">>;
    listTenants(query?: CallInput<"listTenants">["query"]): Promise<Answer<"listTenants">>;
    listApiKeys(tenantId: string, query?: CallInput<"listApiKeys">["query"]): Promise<Answer<"listApiKeys">>;
    listLedgerEntries(
      tenantId: string,
      query?: CallInput<"listLedgerEntries">["query"],
    ): Promise<Answer<"listLedgerEntries">>;
    listDecisions(
      tenantId: string,
      query?: CallInput<"listDecisions">["query"],
    ): Promise<Answer<"listDecisions">>;
    getTenantUsage(
      tenantId: string,
      query?: CallInput<"getTenantUsage">["query"],
    ): Promise<Answer<"getTenantUsage">>;
    getDecision(decisionId: string): Promise<Answer<"getDecision">>;
  };
}

type Input = {
  params?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
};

function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`@tollgate/client: missing path parameter "${name}"`);
    return encodeURIComponent(value);
  });
}

export function createTollgate<M extends FailMode = "closed">(options: TollgateOptions<M>): Tollgate<M> {
  const transport: Transport = {
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs ?? 2_000,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
  };
  const onError =
    options.onError ??
    ((error: unknown, c: ErrorContext) =>
      console.warn(`@tollgate/client: ${c.operation} of ${c.requestId} failed:`, error));

  const tokenFor = (credential: Credential, what: string): string => {
    const token = credential === "apiKey" ? options.apiKey : options.adminToken;
    if (!token) throw new TypeError(`@tollgate/client: ${what} needs the \`${credential}\` option`);
    return token;
  };

  const send = (route: readonly [string, string, Credential], what: string, input: Input = {}) =>
    exchange(transport, {
      method: route[0],
      path: fillPath(route[1], input.params),
      token: tokenFor(route[2], what),
      query: input.query,
      body: input.body,
    });

  const call = async <O extends OperationId>(operationId: O, ...[input]: CallArgs<O>): Promise<Answer<O>> =>
    (await send(ROUTES[operationId], operationId, input as Input | undefined)) as Answer<O>;

  const authorize = async (
    request: AuthorizeRequest,
    opts: { retry?: RetryPolicy } = {},
  ): Promise<AuthorizeResult<M>> => {
    try {
      const allowed = await withRetries(() => call("authorize", { body: request }), {
        ...options.retry,
        ...opts.retry,
      });
      return { ...allowed, failOpen: false } satisfies Authorized as AuthorizeResult<M>;
    } catch (e) {
      if (options.failMode !== "open" || !(e instanceof TollgateUnavailable)) throw e;
      onError(e, { operation: "authorize", requestId: request.requestId });
      const open: FailedOpen = {
        allowed: true,
        failOpen: true,
        requestId: request.requestId,
        reservation: null,
        cause: e,
      };
      return open as AuthorizeResult<M>;
    }
  };

  const client: Tollgate<M> = {
    call,
    authorize,
    reportUsage: (events) => call("reportUsage", { body: events }),
    release: (request) => call("release", { body: request }),
    balance: () => call("getBalance"),
    usage: (query) => call("getUsage", { query }),
    guard: (request, run, opts) => guard(client, onError, request, run, opts),
    admin: {
      listModels: () => call("listModels"),
      getModel: (id) => call("getModel", { params: { id } }),
      putModel: (id, body) => call("putModel", { params: { id }, body }),
      deactivateModel: (id) => call("deactivateModel", { params: { id } }),
      changeModelPrice: (id, body) => call("changeModelPrice", { params: { id }, body }),
      listPlans: () => call("listPlans"),
      putPlan: (key, body) => call("putPlan", { params: { key }, body }),
      createTenant: (body) => call("createTenant", { body }),
      getTenant: (id) => call("getTenant", { params: { id } }),
      updateTenant: (id, body) => call("updateTenant", { params: { id }, body }),
      setManualBilling: (id, body) => call("setManualBilling", { params: { id }, body }),
      createApiKey: (id, body) => call("createApiKey", { params: { id }, body }),
      approveApiKey: (id) => call("approveApiKey", { params: { id } }),
      revokeApiKey: (id) => call("revokeApiKey", { params: { id } }),
      grantCredits: (id, body) => call("grantCredits", { params: { id }, body }),
      listTenants: (query) => call("listTenants", { query }),
      listApiKeys: (id, query) => call("listApiKeys", { params: { id }, query }),
      listLedgerEntries: (id, query) => call("listLedgerEntries", { params: { id }, query }),
      listDecisions: (id, query) => call("listDecisions", { params: { id }, query }),
      getTenantUsage: (id, query) => call("getTenantUsage", { params: { id }, query }),
      getDecision: (decisionId) => call("getDecision", { params: { decisionId } }),
    },
  };
  return client;
}
