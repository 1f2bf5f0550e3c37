// GET /api/openapi.json – the OpenAPI 3.1 document of the API, built from the operations the routes parse with
import { openApiDocument } from "@/lib/api/openapi";
import { openApiOperation } from "@/lib/api/operations/system";
import { publicAccess } from "@/lib/http/auth/public-access";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// Built once per process: it depends on nothing but the code.
let document: ReturnType<typeof openApiDocument> | undefined;

export const GET = route({ operation: openApiOperation, auth: publicAccess }, async () => {
  document ??= openApiDocument();
  return json(document);
});
