// The API reference page's read model: the OpenAPI document regrouped for reading (by tag, each
// operation with its parameters, body, answers and problems). Pure: the page renders what this returns.
import { openApiDocument } from "@/lib/api/openapi";

type Json = Record<string, unknown>;

export type ReferenceParameter = {
  name: string;
  in: string;
  required: boolean;
  schema: string;
  description?: string;
};
export type ReferenceResponse = {
  status: string;
  description: string;
  contentType?: string;
  schema?: string;
  example?: string;
};
export type ReferenceOperation = {
  anchor: string;
  method: string;
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  security: string;
  parameters: ReferenceParameter[];
  body?: { schema: string; example?: string };
  responses: ReferenceResponse[];
};
export type ApiReference = {
  title: string;
  version: string;
  description: string;
  security: Array<{ name: string; description: string }>;
  groups: Array<{ tag: string; operations: ReferenceOperation[] }>;
  schemas: Array<{ name: string; schema: string }>;
};

const pretty = (v: unknown) => JSON.stringify(v, null, 2);

/** A schema as a reader wants it: a named component by name, anything else as its JSON. */
function schemaText(schema: unknown): string {
  const ref = (schema as { $ref?: string } | undefined)?.$ref;
  return ref ? ref.replace("#/components/schemas/", "") : pretty(schema);
}

const SECURITY_LABEL: Record<string, string> = {
  tenantKey: "Tenant API key (Bearer)",
  adminToken: "Operator token (Bearer)",
  session: "Dashboard session (cookie)",
  stripeSignature: "Stripe-Signature header",
};

export function apiReference(): ApiReference {
  const doc = openApiDocument() as unknown as {
    info: { title: string; version: string; description: string };
    tags: Array<{ name: string }>;
    paths: Record<string, Record<string, Json>>;
    components: {
      schemas?: Record<string, unknown>;
      securitySchemes?: Record<string, { description?: string }>;
    };
  };
  const groups = doc.tags.map((t) => ({ tag: t.name, operations: [] as ReferenceOperation[] }));
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const security = (op.security as Array<Record<string, unknown>>)[0];
      const body = (op.requestBody as { content?: Record<string, { schema: unknown; example?: unknown }> })
        ?.content?.["application/json"];
      const operation: ReferenceOperation = {
        anchor: op.operationId as string,
        method: method.toUpperCase(),
        path,
        operationId: op.operationId as string,
        summary: op.summary as string,
        description: op.description as string | undefined,
        security: security
          ? (SECURITY_LABEL[Object.keys(security)[0]!] ?? Object.keys(security)[0]!)
          : "None",
        parameters: ((op.parameters as Json[] | undefined) ?? []).map((p) => ({
          name: p.name as string,
          in: p.in as string,
          required: Boolean(p.required),
          schema: schemaText(p.schema),
          description: p.description as string | undefined,
        })),
        body: body && {
          schema: schemaText(body.schema),
          example: body.example === undefined ? undefined : pretty(body.example),
        },
        responses: Object.entries(op.responses as Record<string, Json>).map(([status, r]) => {
          const [contentType, media] =
            Object.entries((r.content as Record<string, Json> | undefined) ?? {})[0] ?? [];
          return {
            status,
            description: r.description as string,
            contentType,
            schema: media?.schema === undefined ? undefined : schemaText(media.schema),
            example: media?.example === undefined ? undefined : pretty(media.example),
          };
        }),
      };
      groups.find((g) => g.tag === (op.tags as string[])[0])?.operations.push(operation);
    }
  }
  return {
    title: doc.info.title,
    version: doc.info.version,
    description: doc.info.description,
    security: Object.entries(doc.components.securitySchemes ?? {}).map(([name, s]) => ({
      name: SECURITY_LABEL[name] ?? name,
      description: s.description ?? "",
    })),
    groups,
    schemas: Object.entries(doc.components.schemas ?? {}).map(([name, schema]) => ({
      name,
      schema: pretty(schema),
    })),
  };
}
