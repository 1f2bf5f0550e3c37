// The OpenAPI 3.1 document of the whole API, generated from the operations (lib/api/operations):
// the very zod schemas the routes parse with, the answers' schemas, and the problems each may send.
// Served at GET /api/openapi.json and committed as openapi.json (a test fails when it is stale).
import type { z } from "zod";
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiResponseObject,
  type ZodOpenApiResponsesObject,
} from "zod-openapi";

import { OPERATIONS } from "@/lib/api/operations";
import { problemSchema, refusalSchema } from "@/lib/api/schemas/wire";
import { REFUSALS } from "@/lib/decisions/codes";
import { API_ERRORS } from "@/lib/errors/app-error";
import type { Operation, ProblemCode, Security } from "@/lib/http/operation";

export const API_VERSION = "1.0.0";

/** What the caller's credentials may be refused with, by security (authorize answers key problems as refusals). */
const SECURITY_PROBLEMS: Record<Security, readonly ProblemCode[]> = {
  tenantKey: ["key_missing", "key_unknown", "key_revoked", "approval_pending"],
  adminToken: ["admin_token_invalid", "not_found"],
  session: ["signed_out", "forbidden"],
  stripeSignature: [],
  none: [],
};

const SECURITY_SCHEMES = {
  tenantKey: {
    type: "http",
    scheme: "bearer",
    description: "A tenant's API key (`tg_…`), created in the dashboard or by the admin API.",
  },
  adminToken: {
    type: "http",
    scheme: "bearer",
    description: "The operator's token (`TOLLGATE_ADMIN_TOKEN`). Unset, the admin API answers 404.",
  },
  session: {
    type: "apiKey",
    in: "cookie",
    name: "next-auth.session-token",
    description: "A dashboard sign-in (the screens' own routes).",
  },
  stripeSignature: {
    type: "apiKey",
    in: "header",
    name: "Stripe-Signature",
    description: "Stripe's signature of the raw body with the endpoint's webhook secret.",
  },
} as const;

function entryOf(op: Operation, code: ProblemCode): { status: number; title: string } {
  return isRefusal(op, code)
    ? REFUSALS[code as keyof typeof REFUSALS]
    : API_ERRORS[code as keyof typeof API_ERRORS];
}

const statusOf = (op: Operation, code: ProblemCode) => entryOf(op, code).status;
const titleOf = (op: Operation, code: ProblemCode) => entryOf(op, code).title;

/** The `code` a problem body carries: the table's key unless the entry keeps an older name on the wire. */
export function wireCode(code: ProblemCode): string {
  return code in API_ERRORS
    ? ((API_ERRORS[code as keyof typeof API_ERRORS] as { code?: string }).code ?? code)
    : code;
}

/** Every problem code an operation may answer with: its own, its security's, its parsing's, and the 500. */
export function problemCodes(op: Operation): ProblemCode[] {
  const own = op.problems ?? [];
  // Authorize answers a bad key with a recorded refusal of the same code.
  const security = SECURITY_PROBLEMS[op.security].filter((c) => !own.includes(c));
  const parsing: ProblemCode[] = op.body
    ? ["bad_json", "payload_too_large", "unsupported_media_type", "validation_failed"]
    : op.params || op.query
      ? ["validation_failed"]
      : [];
  return [...new Set<ProblemCode>([...own, ...security, ...parsing, "internal"])];
}

/**
 * A code the operation answers as a decision's refusal (with remedy, retryable, decisionId). Only
 * an operation that decides lists refusal codes itself; a key refused by another route's security
 * is a plain problem, though the two tables share the key codes' names.
 */
export function isRefusal(op: Operation, code: ProblemCode): boolean {
  return code in REFUSALS && (op.problems ?? []).includes(code);
}

function problemResponses(op: Operation): ZodOpenApiResponsesObject {
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of problemCodes(op))
    byStatus.set(statusOf(op, code), [...(byStatus.get(statusOf(op, code)) ?? []), code]);
  const responses: Record<string, ZodOpenApiResponseObject> = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const refusals = codes.filter((c) => isRefusal(op, c));
    const schema: z.ZodType =
      refusals.length === codes.length
        ? refusalSchema
        : refusals.length
          ? refusalSchema.or(problemSchema)
          : problemSchema;
    responses[String(status)] = {
      description: codes.map((c) => `\`${c}\` (${titleOf(op, c)})`).join(", "),
      ...(status === 429
        ? {
            headers: {
              "Retry-After": { description: "Seconds until the call may pass.", schema: { type: "integer" } },
            },
          }
        : {}),
      content: { "application/problem+json": { schema } },
    };
  }
  return responses;
}

function operationObject(op: Operation): ZodOpenApiOperationObject {
  const body = op.documentedBody ?? op.body;
  const responses: Record<string, ZodOpenApiResponseObject> = {};
  for (const [status, r] of Object.entries(op.responses)) {
    responses[status] = {
      description: r.description,
      ...(r.headers
        ? {
            headers: Object.fromEntries(
              Object.entries(r.headers).map(([k, h]) => [
                k,
                { description: h.description, schema: h.schema },
              ]),
            ),
          }
        : {}),
      ...(r.schema
        ? {
            content: {
              [r.contentType ?? "application/json"]: {
                schema: r.schema,
                ...(r.example === undefined ? {} : { example: r.example }),
              },
            },
          }
        : {}),
    };
  }
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    security: op.security === "none" ? [] : [{ [op.security]: [] }],
    ...(op.params || op.query
      ? {
          requestParams: {
            ...(op.params ? { path: op.params as z.ZodObject } : {}),
            ...(op.query ? { query: op.query as z.ZodObject } : {}),
          },
        }
      : {}),
    ...(body
      ? {
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: body,
                ...(op.bodyExample === undefined ? {} : { example: op.bodyExample }),
              },
            },
          },
        }
      : {}),
    responses: { ...responses, ...problemResponses(op) },
  };
}

export function openApiDocument(operations: readonly Operation[] = OPERATIONS) {
  const paths: Record<string, Record<string, ZodOpenApiOperationObject>> = {};
  for (const op of operations) (paths[op.path] ??= {})[op.method] = operationObject(op);
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Tollgate API",
      version: API_VERSION,
      description:
        "Usage, billing and quota decisions for API and LLM platforms. Money is micro-USD as a decimal " +
        "string (1000000 = $1.00); times are ISO 8601 UTC; every failure is an RFC 9457 problem.",
    },
    servers: [{ url: "http://localhost:3000", description: "npm start" }],
    tags: [...new Set(operations.map((o) => o.tag))].map((name) => ({ name })),
    components: { securitySchemes: SECURITY_SCHEMES },
    paths,
  });
}
