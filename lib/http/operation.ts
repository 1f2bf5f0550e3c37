// An API operation declared once: its method and path, who may call it, the zod schemas its route
// parses the request with, the bodies it answers with and the problems it may answer. The route
// wrapper (lib/http/route.ts) parses with these schemas and nothing else, and the OpenAPI document
// (lib/api/openapi.ts) is generated from them, so the reference cannot drift from what is parsed.
// The declarations themselves live in lib/api/operations/, one file per area of the API.
import type { z } from "zod";

import type { RefusalCode } from "@/lib/decisions/codes";
import type { ApiErrorCode } from "@/lib/errors/app-error";

type Schema = z.ZodType | undefined;

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/**
 * Who may call: a tenant's API key, the operator's token, a dashboard session, Stripe (a signed
 * body), or anyone. The document names the matching security scheme; the route names the strategy.
 */
export type Security = "tenantKey" | "adminToken" | "session" | "stripeSignature" | "none";

export type ProblemCode = ApiErrorCode | RefusalCode;

export type ResponseSpec = {
  description: string;
  /** The body's schema; none for an empty answer. */
  schema?: z.ZodType;
  /** application/json unless said otherwise (text/csv for an export). */
  contentType?: string;
  example?: unknown;
  /** Headers it sets, by name (plain JSON Schema: a header is a string or an integer). */
  headers?: Record<string, { description: string; schema: { type: "string" | "integer"; enum?: string[] } }>;
};

export type Operation<P extends Schema = Schema, Q extends Schema = Schema, B extends Schema = Schema> = {
  method: HttpMethod;
  /** The OpenAPI path ("/api/v1/admin/tenants/{id}"), the route file's folder with {segments}. */
  path: `/api/${string}`;
  /** Unique; the client's method name. */
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  security: Security;
  params?: P;
  query?: Q;
  body?: B;
  /** The documented body when the route parses loosely on purpose (a batch whose events are judged one by one). */
  documentedBody?: z.ZodType;
  bodyExample?: unknown;
  /** The answers that are not problems, by status. */
  responses: Record<number, ResponseSpec>;
  /**
   * The problems this operation itself may answer. Those of its security (401/403), of parsing
   * (400/413/415/422) and the 500 are added by the document builder.
   */
  problems?: readonly ProblemCode[];
};

/** Declares an operation, keeping the exact schema types for the route wrapper. */
export function operation<
  P extends Schema = undefined,
  Q extends Schema = undefined,
  B extends Schema = undefined,
>(op: Operation<P, Q, B>): Operation<P, Q, B> {
  return op;
}
