// The contract test: every response an API test receives through test/serve-route.ts is checked
// against the OpenAPI document (status listed, content type, body valid against its schema, and a
// problem's code one the operation may answer with that status). A mismatch fails the test that
// received it (test/contract-setup.ts), so the document cannot drift from what the server sends.
// Which operation answered with which status is recorded, so a full run can tell that every
// operation was exercised (test/global-setup.ts).
import { appendFileSync } from "node:fs";
import path from "node:path";
import addFormats from "ajv-formats";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020";

import { openApiDocument, problemCodes, wireCode } from "@/lib/api/openapi";
import type { Operation } from "@/lib/http/operation";

type Media = { schema?: object };
type DocResponse = { content?: Record<string, Media> };
type Doc = {
  paths: Record<string, Record<string, { responses: Record<string, DocResponse> }>>;
  components?: object;
};

const DOC_ID = "tollgate-openapi";
let ajv: Ajv2020 | undefined;
let doc: Doc | undefined;
const validators = new Map<string, ValidateFunction>();

function documentAndAjv(): { doc: Doc; ajv: Ajv2020 } {
  if (!doc || !ajv) {
    doc = openApiDocument() as unknown as Doc;
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: DOC_ID, components: doc.components });
  }
  return { doc, ajv };
}

function validator(key: string, schema: object): ValidateFunction {
  let v = validators.get(key);
  if (!v) {
    const { ajv } = documentAndAjv();
    v = ajv.compile(
      JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${DOC_ID}#/components/`)),
    );
    validators.set(key, v);
  }
  return v;
}

/** Why a response breaks the document, or null when it keeps it. */
export function contractViolation(
  op: Operation,
  status: number,
  contentType: string | null,
  body: string,
): string | null {
  const where = `${op.method.toUpperCase()} ${op.path} → ${status}`;
  const documented = documentAndAjv().doc.paths[op.path]?.[op.method]?.responses[String(status)];
  if (!documented) return `${where}: the document lists no ${status} for this operation`;
  if (!documented.content) return body.length ? `${where}: a body where the document says none` : null;
  const type = (contentType ?? "").split(";")[0]!.trim();
  const media = documented.content[type];
  if (!media)
    return `${where}: answered ${type || "no content type"}, documented ${Object.keys(documented.content).join(", ")}`;
  if (!type.endsWith("json") || !media.schema) return null;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return `${where}: the body is not JSON`;
  }
  const validate = validator(`${op.operationId} ${status} ${type}`, media.schema);
  if (!validate(data))
    return `${where}: ${documentAndAjv().ajv.errorsText(validate.errors)} in ${body.slice(0, 500)}`;
  if (type === "application/problem+json") {
    const code = (data as { code?: string }).code;
    if (!problemCodes(op).some((c) => wireCode(c) === code))
      return `${where}: problem code ${code} is not one the operation lists`;
  }
  return null;
}

const violations: string[] = [];

/** The violations seen since the last call (test/contract-setup.ts fails the test on any). */
export function takeContractViolations(): string[] {
  return violations.splice(0);
}

/** Checks a response the test server is about to send, and records the operation and status. */
export async function checkResponse(op: Operation, res: Response): Promise<void> {
  const contentType = res.headers.get("content-type");
  // A stream (a CSV export) is not read here: the test reads it; its type and status are checked.
  const body = contentType?.startsWith("text/csv") ? "" : await res.clone().text();
  const violation = contractViolation(op, res.status, contentType, body);
  if (violation) {
    violations.push(violation);
    console.error(`contract: ${violation}`);
  }
  const hits = process.env.TOLLGATE_CONTRACT_HITS;
  if (hits) appendFileSync(path.join(hits, `${process.pid}.txt`), `${op.operationId} ${res.status}\n`);
}
