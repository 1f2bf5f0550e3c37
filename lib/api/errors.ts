// One error vocabulary for the HTTP API: a closed table from code to status and title, one
// AppError class, and one function that turns anything thrown into RFC 9457 problem details.
// Unknown errors become a generic 500 that reveals nothing (no stack, no SQL).
import { ZodError } from "zod";

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

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  [extension: string]: unknown;
};

export const PROBLEM_TYPE_BASE = "https://tollgate.dev/problems/";

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

export type FieldError = { path: string; message: string };

export function zodFieldErrors(error: ZodError): FieldError[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join(".") || "(body)", message: i.message }));
}

export function toProblem(error: unknown): Problem {
  if (error instanceof AppError) {
    const { status, title } = API_ERRORS[error.code];
    return {
      type: `${PROBLEM_TYPE_BASE}${error.code}`,
      title,
      status,
      code: error.code,
      ...(error.detail ? { detail: error.detail } : {}),
      ...error.extensions,
    };
  }
  if (error instanceof ZodError) {
    const errors = zodFieldErrors(error);
    return {
      type: `${PROBLEM_TYPE_BASE}validation_failed`,
      title: API_ERRORS.validation_failed.title,
      status: 422,
      code: "validation_failed",
      detail: errors.map((e) => `${e.path}: ${e.message}`).join("; "),
      errors,
    };
  }
  if (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2025") {
    return {
      type: `${PROBLEM_TYPE_BASE}not_found`,
      title: API_ERRORS.not_found.title,
      status: 404,
      code: "not_found",
    };
  }
  return {
    type: `${PROBLEM_TYPE_BASE}internal`,
    title: API_ERRORS.internal.title,
    status: 500,
    code: "internal",
    detail: "Something went wrong on our side. It has been logged.",
  };
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...headers },
  });
}
