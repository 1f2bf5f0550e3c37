// POST /api/v1/authorize – decide whether a call may proceed, and reserve its credits if so
import { bearerToken } from "@/lib/http/bearer";
import { apiRoute } from "@/lib/http/handler";
import { readJson } from "@/lib/http/read-json";
import { authorize } from "@/lib/authorize/authorize";
import { authorizeRequestSchema } from "@/lib/decisions/authorize-request";
import { decisionDeps } from "@/lib/authorize/runtime";
import { authorizeResponse } from "@/lib/http/authorize-response";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (req) => {
  const body = await readJson(req, authorizeRequestSchema);
  return authorizeResponse(await authorize(decisionDeps(), bearerToken(req), body));
});
