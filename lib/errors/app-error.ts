// The one error vocabulary: a closed table from code to HTTP status and title, and the AppError the
// domain throws with one of those codes. lib/errors/problem.ts turns it into RFC 9457 problem details.
// Decision refusals are a closed table of their own (lib/decisions/codes.ts), built by the same builder.
//
// The rule for expected failures (an unknown id, an invalid field, a conflict, a payment not offered):
// a domain command throws `new AppError(code, detail, extensions)` with a code from this table and
// returns its value directly on success; it never returns an `{ ok: false }` failure. A field the
// database or a later check refuses is `invalidField(path, message)` (lib/validation/inputs.ts):
// validation_failed with `errors: [{ path, message }]`. Answers are not failures and stay values:
// decide()'s `{ allowed }` and a Stripe event's `{ outcome }`. The wrappers map an AppError in one
// place each: the route wrapper (lib/http/route.ts) into problem+json, the action wrapper
// (lib/web/action.ts) into `{ ok: false, message }` plus `fieldErrors` from `errors`.
//
// A code names exactly what went wrong; `type` (the problem type URL's last segment) is the code
// unless the entry names its family: clients written against the family's type keep working while
// the code says more. `code` is set only where the wire has long carried another name (kept so).
export const API_ERRORS = {
  bad_json: { status: 400, title: "Malformed JSON" },
  unauthorized: { status: 401, title: "Missing or malformed API key" },
  forbidden: { status: 403, title: "Forbidden" },
  not_found: { status: 404, title: "Not found" },
  conflict: { status: 409, title: "Conflict" },
  payload_too_large: { status: 413, title: "Payload too large" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  validation_failed: { status: 422, title: "Invalid request" },
  internal: { status: 500, title: "Internal server error" },

  // API keys on /usage and /balance (authorize answers a bad key with a recorded refusal instead).
  key_missing: { status: 401, title: "Missing or malformed API key", type: "unauthorized" },
  key_unknown: { status: 401, title: "Missing or malformed API key", type: "unauthorized" },
  key_revoked: { status: 401, title: "Missing or malformed API key", type: "unauthorized" },
  approval_pending: { status: 403, title: "Forbidden", type: "forbidden" },
  // The operator's token on /api/v1/admin/* (unset: not_found, the API does not exist).
  admin_token_invalid: { status: 401, title: "Missing or malformed API key", type: "unauthorized" },
  // The dashboard session on the screens' own routes (a wrong role is `forbidden`).
  signed_out: { status: 401, title: "Not signed in", type: "unauthorized", code: "unauthorized" },

  // Credit grants by the operator.
  insufficient_credits: { status: 409, title: "Conflict", type: "conflict" },
  idempotency_key_reused: { status: 409, title: "Conflict", type: "conflict" },

  // Payments through Stripe (checkout, portal, the demo's simulated top-up).
  billing_not_configured: { status: 503, title: "Billing not configured" },
  not_offered: { status: 422, title: "Not available" },
  no_price: { status: 422, title: "Not available" },

  // Stripe's webhook: answers for Stripe's retry logic (a 400 is never retried, a 500 is).
  stripe_not_configured: { status: 503, title: "Stripe webhooks not configured" },
  invalid_signature: { status: 400, title: "Invalid Stripe signature" },
  not_a_stripe_event: {
    status: 400,
    title: "Not a Stripe event",
    type: "validation_failed",
    code: "validation_failed",
  },
  webhook_failed: { status: 500, title: "Event not applied" },
} as const satisfies Record<string, { status: number; title: string; type?: string; code?: string }>;

export type ApiErrorCode = keyof typeof API_ERRORS;

/** Members a problem body sets from the table: an extension can never override them. */
export type ProblemExtensions = Record<string, unknown> & {
  type?: never;
  title?: never;
  status?: never;
  code?: never;
};

export class AppError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly detail?: string,
    readonly extensions: ProblemExtensions = {},
  ) {
    super(detail ?? API_ERRORS[code].title);
    this.name = "AppError";
  }
}
