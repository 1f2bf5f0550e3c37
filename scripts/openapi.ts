// npm run openapi: writes openapi.json (committed) from the operations; `--check` fails when the
// committed file differs from what the code generates, so the document can never go stale.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { openApiDocument } from "@/lib/api/openapi";

export const OPENAPI_FILE = path.join(process.cwd(), "openapi.json");

export function renderOpenApi(): string {
  return `${JSON.stringify(openApiDocument(), null, 2)}\n`;
}

if (process.argv[1]?.endsWith("openapi.ts")) {
  const text = renderOpenApi();
  if (process.argv.includes("--check")) {
    const committed = readFileSync(OPENAPI_FILE, "utf8");
    if (committed !== text) {
      console.error("openapi.json is stale: run `npm run openapi` and commit it.");
      process.exit(1);
    }
    console.log("openapi.json is current.");
  } else {
    writeFileSync(OPENAPI_FILE, text);
    console.log(`wrote ${OPENAPI_FILE}`);
  }
}
