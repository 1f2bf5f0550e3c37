// The one error vocabulary: a closed table from code to HTTP status and title, and the AppError the
// domain throws with one of those codes. lib/errors/problem.ts turns it into RFC 9457 problem details.
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
} as const;

export type ApiErrorCode = keyof typeof API_ERRORS;

export class AppError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly detail?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? API_ERRORS[code].title);
    this.name = "AppError";
  }
}
