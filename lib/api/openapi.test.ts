// The OpenAPI document: valid OpenAPI 3.1 by a real validator, committed and current, one operation
// per served route and method, and every example in it valid against its own schema.
import { readFileSync } from "node:fs";
import { compileErrors, validate } from "@readme/openapi-parser";
import addFormats from "ajv-formats";
import { Ajv2020 } from "ajv/dist/2020";
import { describe, expect, it, vi } from "vitest";

import { openApiDocument } from "@/lib/api/openapi";
import { OPERATIONS } from "@/lib/api/operations";
import { apiRouteFiles, apiRoutes } from "@/lib/web/server/api-routes";
import { renderOpenApi } from "@/scripts/openapi";

// The dashboard's routes import next-auth's server-only guard; importing them here is only to read their operations.
vi.mock("server-only", () => ({}));

const document = openApiDocument();

describe("openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? "" : compileErrors(result)).toBe("");
    expect(document.openapi).toBe("3.1.0");
  });

  it("is committed as generated (run `npm run openapi` after changing an operation)", () => {
    expect(readFileSync("openapi.json", "utf8") === renderOpenApi(), "openapi.json is stale").toBe(true);
  });

  it("has unique operation ids", () => {
    const ids = OPERATIONS.map((o) => o.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("describes every route the app serves, each with the operation its handler parses with", async () => {
    // next-auth's catch-all is Next's own sign-in machinery, not part of the API.
    const files = apiRouteFiles().filter((f) => !f.pattern.startsWith("/api/auth"));
    const routes = await apiRoutes(files.map((f) => f.pattern));
    const served: string[] = [];
    for (const [pattern, methods] of Object.entries(routes)) {
      for (const [method, handler] of Object.entries(methods)) {
        const op = handler?.operation;
        expect(op, `${method} ${pattern} has no operation`).toBeDefined();
        expect(`${op!.method.toUpperCase()} ${op!.path.replace(/\{(\w+)\}/g, ":$1")}`).toBe(
          `${method} ${pattern}`,
        );
        served.push(op!.operationId);
      }
    }
    expect(served.sort()).toEqual(OPERATIONS.map((o) => o.operationId).sort());
  });

  it("has examples that are valid against their own schemas", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: "doc", components: document.components });
    const problems: string[] = [];
    const check = (where: string, media: { schema?: unknown; example?: unknown } | undefined) => {
      if (!media?.schema || media.example === undefined) return;
      const schema = JSON.parse(
        JSON.stringify(media.schema).replaceAll('"#/components/', '"doc#/components/'),
      );
      const v = ajv.compile(schema);
      if (!v(media.example)) problems.push(`${where}: ${ajv.errorsText(v.errors)}`);
    };
    let examples = 0;
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const [method, op] of Object.entries(item as Record<string, Record<string, unknown>>)) {
        const body = (op.requestBody as { content?: Record<string, { schema?: unknown; example?: unknown }> })
          ?.content;
        for (const [type, media] of Object.entries(body ?? {})) {
          examples += media.example === undefined ? 0 : 1;
          check(`${method} ${path} request ${type}`, media);
        }
        for (const [status, res] of Object.entries(
          op.responses as Record<
            string,
            { content?: Record<string, { schema?: unknown; example?: unknown }> }
          >,
        )) {
          for (const [type, media] of Object.entries(res.content ?? {})) {
            examples += media.example === undefined ? 0 : 1;
            check(`${method} ${path} ${status} ${type}`, media);
          }
        }
      }
    }
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
      const example = (schema as { example?: unknown }).example;
      if (example === undefined) continue;
      examples += 1;
      check(`components.schemas.${name}`, { schema: { $ref: `#/components/schemas/${name}` }, example });
    }
    expect(examples).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });
});
