// The wrapper of every /api/v1/admin/* handler: the admin token first (404 when the API is
// switched off, 401 when the token is wrong, before any body is read), then the handler with the
// actor the audit trail records. Errors become problem+json through apiRoute.
import type { AuditActor } from "@/lib/audit/record";
import { authenticateAdmin } from "@/lib/http/admin-auth";
import { apiRoute } from "@/lib/http/handler";

export function adminRoute<C>(handler: (req: Request, ctx: C, actor: AuditActor) => Promise<Response>) {
  return apiRoute<C>(async (req, ctx) => handler(req, ctx, authenticateAdmin(req)));
}

/** A JSON answer that is never cached (BigInt must already be strings). */
export function adminJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
