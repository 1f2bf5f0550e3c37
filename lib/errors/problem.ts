// RFC 9457 problem details: the one builder of every problem body the API answers with. Anything
// thrown becomes one: an AppError by its code, a ZodError as 422 with each field's problem, Prisma's
// not-found as 404, and anything unknown a generic 500 that reveals nothing (no stack, no SQL).
import { ZodError } from "zod";

import { API_ERRORS, AppError } from "@/lib/errors/app-error";

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  [extension: string]: unknown;
};

export const PROBLEM_TYPE_BASE = "https://tollgate.dev/problems/";

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
