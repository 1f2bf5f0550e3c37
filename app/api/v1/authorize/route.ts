// POST /api/v1/authorize – decide whether a call may proceed, and reserve its credits if so
import { bearerToken } from "@/lib/api/bearer";
import { apiRoute } from "@/lib/api/handler";
import { readJson } from "@/lib/api/read-json";
import { authorize } from "@/lib/decisions/authorize";
import { authorizeRequestSchema } from "@/lib/decisions/authorize-request";
import { decisionDeps } from "@/lib/decisions/runtime";
import { authorizeResponse } from "@/lib/decisions/to-http";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (req) => {
  const body = await readJson(req, authorizeRequestSchema);
  return authorizeResponse(await authorize(decisionDeps(), bearerToken(req), body));
});
