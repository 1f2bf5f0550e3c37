// The route strategy for the screens' own fetches (the public API uses keys instead): the
// dashboard session, under the same area rule as the pages (lib/web/area-access.ts), refused in
// the API's one error vocabulary — 401 signed out, 403 wrong role. Lives in lib/web/ because the
// session needs Next; lib/http/route.ts itself never imports it.
import { AppError } from "@/lib/errors/app-error";
import type { Auth } from "@/lib/http/route";
import {
  areaAccess,
  type AdminUser,
  type AreaRequirement,
  type SessionUser,
  type TenantUser,
} from "@/lib/web/area-access";
import { getSessionUser } from "@/lib/web/session";

const WRONG_ROLE: Record<string, string> = {
  admin: "This needs an administrator's session.",
  tenant: "This needs a tenant member's session.",
  owner: "This needs the tenant owner's session.",
};

async function signedIn(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("signed_out", "Sign in at /sign-in first.");
  return user;
}

/** Any signed-in user without an area; else the user the area (and role) admits. */
export function session(): Auth<SessionUser>;
export function session(req: { area: "admin" }): Auth<AdminUser>;
export function session(req: { area: "tenant"; ownerOnly?: boolean }): Auth<TenantUser>;
export function session(req?: AreaRequirement): Auth<SessionUser> {
  if (!req) return signedIn;
  return async () => {
    const access = areaAccess(await getSessionUser(), req);
    if (access.ok) return access.user;
    if (access.reason === "signed_out") throw new AppError("signed_out", "Sign in at /sign-in first.");
    const need = req.area === "tenant" && req.ownerOnly ? "owner" : req.area;
    throw new AppError("forbidden", WRONG_ROLE[need] ?? "Forbidden.");
  };
}
