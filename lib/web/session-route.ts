// Route handlers behind the dashboard session (the screens' own fetches; the public API uses API
// keys instead): the same area rule as the pages, answered as problem+json — 401 signed out,
// 403 wrong role — in the API's one error vocabulary (lib/errors/problem.ts).
import { PROBLEM_TYPE_BASE, problemResponse, type Problem } from "@/lib/errors/problem";
import { apiRoute } from "@/lib/http/handler";
import { areaAccess, type AdminUser, type AreaRequirement, type TenantUser } from "@/lib/web/area-access";
import { getSessionUser } from "@/lib/web/session";

export function sessionProblem(code: "unauthorized" | "forbidden", detail: string): Problem {
  const [status, title] = code === "unauthorized" ? [401, "Not signed in"] : [403, "Forbidden"];
  return { type: `${PROBLEM_TYPE_BASE}${code}`, title, status, detail, code };
}

const WRONG_ROLE: Record<string, string> = {
  admin: "This needs an administrator's session.",
  tenant: "This needs a tenant member's session.",
  owner: "This needs the tenant owner's session.",
};

type Handler<C, U> = (req: Request, ctx: C, user: U) => Promise<Response>;

/** Wraps a route handler: resolves the session user for the area, then maps thrown errors to problems. */
export function sessionRoute<C>(
  req: { area: "admin" },
  handler: Handler<C, AdminUser>,
): (r: Request, ctx: C) => Promise<Response>;
export function sessionRoute<C>(
  req: { area: "tenant"; ownerOnly?: boolean },
  handler: Handler<C, TenantUser>,
): (r: Request, ctx: C) => Promise<Response>;
export function sessionRoute<C>(
  req: AreaRequirement,
  handler: Handler<C, AdminUser> | Handler<C, TenantUser>,
): (r: Request, ctx: C) => Promise<Response> {
  // Sound: areaAccess grants an AdminUser for { area: "admin" } and a TenantUser for "tenant",
  // which is exactly the pairing the overloads allow.
  const run = handler as Handler<C, AdminUser | TenantUser>;
  return apiRoute<C>(async (request, ctx) => {
    const access = areaAccess(await getSessionUser(), req);
    if (access.ok) return run(request, ctx, access.user);
    if (access.reason === "signed_out")
      return problemResponse(sessionProblem("unauthorized", "Sign in at /sign-in first."));
    const need = req.area === "tenant" && req.ownerOnly ? "owner" : req.area;
    return problemResponse(sessionProblem("forbidden", WRONG_ROLE[need] ?? "Forbidden."));
  });
}
