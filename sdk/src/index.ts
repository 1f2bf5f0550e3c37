// @tollgate/client: a typed client for Tollgate's decision and admin API.
export {
  createTollgate,
  type AuthorizeAllowed,
  type AuthorizeRequest,
  type AuthorizeResult,
  type Authorized,
  type Balance,
  type ErrorContext,
  type FailedOpen,
  type FailMode,
  type Tollgate,
  type TollgateOptions,
  type UsageEvent,
  type UsageReport,
} from "./client.js";
export {
  TollgateError,
  TollgateProblem,
  TollgateRefusal,
  TollgateUnavailable,
  type FieldError,
  type ProblemBody,
  type ProblemCode,
  type RefusalBody,
  type RefusalCode,
  type Remedy,
  type UnavailableReason,
} from "./errors.js";
export { RELEASE_REASON_MAX, type GuardOptions, type GuardOutcome, type GuardUsage } from "./guard.js";
export { ROUTES, type Answer, type CallInput, type OperationId, type RequestBody } from "./operations.js";
export { DEFAULT_RETRY, retryDelay, type RetryPolicy } from "./retry.js";
export type { components, operations, paths } from "./schema.js";
