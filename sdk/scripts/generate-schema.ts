// npm run openapi:sdk: writes sdk/src/schema.ts (committed), the client's types, from openapi.json
// with openapi-typescript. sdk/test/schema.test.ts renders it again and fails when it is stale, so
// after `npm run openapi` changes the document, run this too.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import openapiTS, { astToString, COMMENT_HEADER, type OpenAPI3 } from "openapi-typescript";

export const OPENAPI_FILE = path.resolve(import.meta.dirname, "../../openapi.json");
export const SCHEMA_FILE = path.resolve(import.meta.dirname, "../src/schema.ts");

const HEADER = `${COMMENT_HEADER}// Generated from openapi.json by \`npm run openapi:sdk\`.\n\n`;

export async function renderSdkSchema(document = readFileSync(OPENAPI_FILE, "utf8")): Promise<string> {
  const ast = await openapiTS(JSON.parse(document) as OpenAPI3, { silent: true });
  return HEADER + astToString(ast);
}

if (process.argv[1]?.endsWith("generate-schema.ts")) {
  writeFileSync(SCHEMA_FILE, await renderSdkSchema());
  console.log(`wrote ${SCHEMA_FILE}`);
}
