// RFC 9457 problem details: the one builder of every problem body the API answers with. An entry of
// the closed tables (API_ERRORS here, REFUSALS for decisions) fixes type, title, status and code;
// the caller adds only the detail and extensions. Anything thrown becomes one: an AppError by its
// code, a ZodError as 422 with each field's problem, Prisma's not-found as 404, and anything unknown
// a generic 500 that reveals nothing (no stack, no SQL).
import { ZodError } from "zod";

import { REFUSALS, type RefusalCode } from "@/lib/decisions/codes";
import { API_ERRORS, AppError, type ApiErrorCode, type ProblemExtensions } from "@/lib/errors/app-error";

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  [extension: string]: unknown;
};

const PROBLEM_TYPE_BASE = "https://tollgate.dev/problems/";

type Entry = { status: number; title: string; type?: string; code?: string };

function build(
  key: string,
  entry: Entry,
  detail: string | undefined,
  extensions: ProblemExtensions,
): Problem {
  return {
    type: `${PROBLEM_TYPE_BASE}${entry.type ?? key}`,
    title: entry.title,
    status: entry.status,
    code: entry.code ?? key,
    ...(detail ? { detail } : {}),
    ...extensions,
  };
}

/** The problem of an API error code. */
export function problem(code: ApiErrorCode, detail?: string, extensions: ProblemExtensions = {}): Problem {
  return build(code, API_ERRORS[code], detail, extensions);
}

/** The problem of a decision's refusal (its own closed table, the same shape). */
export function refusalProblem(code: RefusalCode, detail: string, extensions: ProblemExtensions): Problem {
  return build(code, REFUSALS[code], detail, extensions);
}

export type FieldError = { path: string; message: string };

export function zodFieldErrors(error: ZodError): FieldError[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join(".") || "(body)", message: i.message }));
}

export function toProblem(error: unknown): Problem {
  if (error instanceof AppError) return problem(error.code, error.detail, error.extensions);
  if (error instanceof ZodError) {
    const errors = zodFieldErrors(error);
    return problem("validation_failed", errors.map((e) => `${e.path}: ${e.message}`).join("; "), { errors });
  }
  if (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2025")
    return problem("not_found");
  return problem("internal", "Something went wrong on our side. It has been logged.");
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...headers },
  });
}
