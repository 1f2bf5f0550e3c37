// What is not a tenant's or the operator's call: readiness, this document, and Stripe's webhook.
import { z } from "zod";

import { operation } from "@/lib/http/operation";

const healthSchema = z
  .object({
    status: z.enum(["ok", "unavailable"]),
    db: z.enum(["ok", "unreachable"]),
    migrations: z.enum(["current", "pending", "modified", "unknown"]),
    version: z.string(),
    pending: z.array(z.string()).optional(),
    error: z.string().optional(),
  })
  .meta({ id: "Health" });

export const healthOperation = operation({
  method: "get",
  path: "/api/health",
  operationId: "getHealth",
  summary: "Readiness: the database answers and its migrations are current",
  tag: "System",
  security: "none",
  responses: {
    200: {
      description: "Ready.",
      schema: healthSchema,
      example: { status: "ok", db: "ok", migrations: "current", version: "0.1.0" },
    },
    503: {
      description: "Not ready: the database is unreachable or migrations are pending.",
      schema: healthSchema,
    },
  },
});

export const openApiOperation = operation({
  method: "get",
  path: "/api/openapi.json",
  operationId: "getOpenApiDocument",
  summary: "This document",
  tag: "System",
  security: "none",
  responses: {
    200: {
      description: "The OpenAPI 3.1 document of the API.",
      schema: z.looseObject({ openapi: z.literal("3.1.0") }),
    },
  },
});

/** The part of a Stripe event the route reads; the rest is Stripe's (https://docs.stripe.com/api/events/object). */
const stripeEventSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  created: z.number().int(),
  data: z.looseObject({ object: z.looseObject({}) }),
});

export const stripeWebhookOperation = operation({
  method: "post",
  path: "/api/stripe/webhook",
  operationId: "receiveStripeWebhook",
  summary: "Stripe's webhook: verify an event's signature and apply it to the billing mirror once",
  description:
    "The signature covers the exact bytes Stripe sent, so the route reads the raw body itself. A 400 is " +
    "never retried by Stripe, a 500 is (the event is recorded and applied when delivered again).",
  tag: "Stripe",
  security: "stripeSignature",
  documentedBody: stripeEventSchema,
  responses: {
    200: {
      description:
        "Applied, ignored (a type Tollgate does not handle), unmatched (no tenant yet) or a duplicate.",
      schema: z.union([
        z.object({
          received: z.literal(true),
          outcome: z.enum(["processed", "ignored", "unmatched"]),
          tenantId: z.string().nullable(),
        }),
        z.object({ received: z.literal(true), outcome: z.literal("duplicate"), status: z.string() }),
      ]),
    },
  },
  problems: [
    "stripe_not_configured",
    "payload_too_large",
    "invalid_signature",
    "bad_json",
    "not_a_stripe_event",
    "webhook_failed",
  ],
});

/** In the order the reference lists them. */
export const systemOperations = [healthOperation, openApiOperation, stripeWebhookOperation];
