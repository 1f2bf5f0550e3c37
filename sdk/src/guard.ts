// guard(): the whole life of one metered call. authorize (with the retry policy) → run the caller's
// function → report what it really used against the reservation → return its result. When the
// function throws, the reservation is released at once (rather than held until it expires) and
// the error is rethrown. Once the function has run, its result is never thrown away: a usage
// report that fails is retried once (it is idempotent per requestId), then handed to onError; until
// it is sent again the reservation stays held, and expires unsettled.
import type {
  AuthorizeRequest,
  AuthorizeResult,
  ErrorContext,
  FailMode,
  Tollgate,
  UsageEvent,
} from "./client.js";
import { TollgateError, TollgateUnavailable } from "./errors.js";
import type { RetryPolicy } from "./retry.js";

/**
 * What the call really used, as the usage API takes it (inputTokens counts every prompt token,
 * cached ones included: Tollgate has no cached-input price). `model` defaults to the request's.
 */
export type GuardUsage = Omit<UsageEvent, "requestId" | "reservationId" | "model"> & { model?: string };
export type GuardOutcome<T> = { usage: GuardUsage; result: T };
export type GuardOptions = { retry?: RetryPolicy };

/** The longest release reason sent; an error message is cut to it. */
export const RELEASE_REASON_MAX = 200;

export async function guard<M extends FailMode, T>(
  client: Tollgate<M>,
  onError: (error: unknown, context: ErrorContext) => void,
  request: AuthorizeRequest,
  run: (auth: AuthorizeResult<M>) => Promise<GuardOutcome<T>>,
  opts: GuardOptions = {},
): Promise<T> {
  const auth: AuthorizeResult<M> = await client.authorize(request, opts);
  const requestId = request.requestId;
  let outcome: GuardOutcome<T>;
  try {
    outcome = await run(auth);
  } catch (error) {
    if (auth.reservation) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, RELEASE_REASON_MAX);
      await client
        .release({ reservationId: auth.reservation.id, ...(reason ? { reason } : {}) })
        .catch((e: unknown) => onError(e, { operation: "release", requestId }));
    }
    throw error;
  }

  const { model, ...usage } = outcome.usage;
  const event: UsageEvent = {
    requestId,
    ...(auth.reservation ? { reservationId: auth.reservation.id } : {}),
    model: model ?? request.model,
    ...(request.feature === undefined ? {} : { feature: request.feature }),
    ...usage,
  };
  // Failed open, Tollgate was just found down: one try, so the caller is not held up further.
  const attempts = auth.failOpen ? 1 : 2;
  for (let attempt = 1; ; attempt++) {
    try {
      const result = (await client.reportUsage(event)).results[0];
      if (result?.status === "rejected")
        onError(new TollgateError(`usage event rejected: ${result.reason}`), {
          operation: "reportUsage",
          requestId,
        });
      break;
    } catch (e) {
      if (e instanceof TollgateUnavailable && attempt < attempts) continue;
      onError(e, { operation: "reportUsage", requestId });
      break;
    }
  }
  return outcome.result;
}
