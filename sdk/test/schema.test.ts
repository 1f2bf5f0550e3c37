// The client's types and routes cannot drift from openapi.json: schema.ts is what openapi-typescript
// makes of the committed document, and each line of ROUTES names an operation the document serves
// at that method and path, with that credential.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { OPENAPI_FILE, renderSdkSchema, SCHEMA_FILE } from "../scripts/generate-schema";
import { ROUTES } from "../src/operations";

type Document = {
  paths: Record<string, Record<string, { operationId: string; security: Array<Record<string, unknown>> }>>;
};

describe("sdk/src/schema.ts", () => {
  it("is what `npm run openapi:sdk` generates from the committed openapi.json", async () => {
    const committed = readFileSync(SCHEMA_FILE, "utf8");
    const fresh = await renderSdkSchema();
    expect(fresh.length).toBeGreaterThan(1_000);
    expect(committed === fresh, "sdk/src/schema.ts is stale: run `npm run openapi:sdk` and commit it").toBe(
      true,
    );
  });

  it("notices a change of the document", async () => {
    const doc = JSON.parse(readFileSync(OPENAPI_FILE, "utf8")) as Document;
    doc.paths["/api/v1/balance"]!.get!.operationId = "getBalanceRenamed";
    expect(await renderSdkSchema(JSON.stringify(doc))).not.toBe(readFileSync(SCHEMA_FILE, "utf8"));
  });
});

describe("ROUTES", () => {
  const doc = JSON.parse(readFileSync(OPENAPI_FILE, "utf8")) as Document;
  it.each(Object.entries(ROUTES))("%s is served at its method and path, with its credential", (id, route) => {
    const [method, path, credential] = route;
    const op = doc.paths[path]?.[method];
    expect(op?.operationId).toBe(id);
    expect(op?.security).toEqual([{ [credential === "apiKey" ? "tenantKey" : "adminToken"]: [] }]);
  });
});
