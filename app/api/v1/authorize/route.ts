// POST /api/v1/authorize – decide whether a call may proceed, and reserve its credits if so
import { authorizeOperation } from "@/lib/api/operations/decisions";
import { authorize } from "@/lib/authorize/authorize";
import { decisionDeps } from "@/lib/authorize/runtime";
import { bearerKey } from "@/lib/http/auth/bearer-key";
import { authorizeResponse } from "@/lib/http/authorize-response";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route(
  { operation: authorizeOperation, auth: bearerKey },
  async ({ auth: secret, body }) => authorizeResponse(await authorize(decisionDeps(), secret, body)),
);
