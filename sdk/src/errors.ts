// What a call can fail with. Three kinds, each its own class, because each asks for a different
// reaction: a refusal (the decision said no: show its remedy, or wait when it is retryable), a
// problem (the request or the caller is wrong: fix the code or the data), and unavailability
// (Tollgate could not answer: the fail mode decides).
import type { components } from "./schema.js";

export type RefusalBody = components["schemas"]["Refusal"];
export type ProblemBody = components["schemas"]["Problem"];
export type RefusalCode = RefusalBody["code"];
export type ProblemCode = ProblemBody["code"];
export type Remedy = components["schemas"]["Remedy"];
export type FieldError = components["schemas"]["FieldError"];

export class TollgateError extends Error {
  override name = "TollgateError";
}

/** A decision's refusal (401/402/403/429 from authorize): carries what to do about it. */
export class TollgateRefusal extends TollgateError {
  override name = "TollgateRefusal";
  readonly status: RefusalBody["status"];
  readonly code: RefusalCode;
  /** True when the very same request may pass later with no change by anyone (a window resets). */
  readonly retryable: boolean;
  /** When a retryable refusal may pass again; null for the others. */
  readonly resetsAt: Date | null;
  /** The `Retry-After` header in seconds (429 only), else null. */
  readonly retryAfter: number | null;
  readonly remedy: Remedy;
  readonly decisionId: string;
  readonly requestId: string;
  readonly detail: string;
  /** The whole problem document (scope, limit, used, remaining…). */
  readonly problem: RefusalBody;

  constructor(problem: RefusalBody, retryAfter: number | null) {
    super(`${problem.code}: ${problem.detail}`);
    this.problem = problem;
    this.status = problem.status;
    this.code = problem.code;
    this.retryable = problem.retryable;
    this.resetsAt = problem.resetsAt ? new Date(problem.resetsAt) : null;
    this.retryAfter = retryAfter;
    this.remedy = problem.remedy;
    this.decisionId = problem.decisionId;
    this.requestId = problem.requestId;
    this.detail = problem.detail;
  }
}

/** Any other 4xx answer: bad input (400/413/415/422), a bad credential, not found, a conflict. */
export class TollgateProblem extends TollgateError {
  override name = "TollgateProblem";
  readonly status: number;
  /** Null when the answer was not a problem document (a proxy's 404 page, say). */
  readonly code: ProblemCode | null;
  readonly detail: string | null;
  /** Each invalid field of a 422. */
  readonly errors: FieldError[];
  readonly problem: ProblemBody | null;

  constructor(status: number, problem: ProblemBody | null) {
    super(problem ? `${problem.code}: ${problem.detail ?? problem.title}` : `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.code = problem?.code ?? null;
    this.detail = problem?.detail ?? null;
    this.errors = problem?.errors ?? [];
  }
}

export type UnavailableReason = "unreachable" | "timeout" | "server_error";

/** Tollgate did not answer: no connection, no answer within timeoutMs, or a 5xx. */
export class TollgateUnavailable extends TollgateError {
  override name = "TollgateUnavailable";
  readonly reason: UnavailableReason;
  /** The 5xx status, for server_error. */
  readonly status: number | null;

  constructor(reason: UnavailableReason, message: string, opts: { status?: number; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.reason = reason;
    this.status = opts.status ?? null;
  }
}
