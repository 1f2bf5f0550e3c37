// Who may enter which area: one pure decision that both adapters (pages in session.ts, route
// handlers in session-auth.ts) turn into their own answer, so the two can never disagree.
export type Role = "ADMIN" | "TENANT_OWNER" | "TENANT_MEMBER";
export type SessionUser = { id: string; email: string; name: string; role: Role; tenantId: string | null };
export type AdminUser = SessionUser & { role: "ADMIN" };
export type TenantUser = SessionUser & { role: "TENANT_OWNER" | "TENANT_MEMBER"; tenantId: string };

export type Area = "admin" | "tenant";
export type AreaRequirement = { area: "admin" } | { area: "tenant"; ownerOnly?: boolean };

export type AreaAccess<U> =
  | { ok: true; user: U }
  | { ok: false; reason: "signed_out" }
  /** Signed in, but this area (or this action) is not for the user's role. */
  | { ok: false; reason: "wrong_role"; user: SessionUser };

export const isAdmin = (u: SessionUser): u is AdminUser => u.role === "ADMIN";
export const isTenantUser = (u: SessionUser): u is TenantUser => u.role !== "ADMIN" && u.tenantId !== null;

/** The home of a role's area. */
export const areaHome = (role: Role): "/admin" | "/app" => (role === "ADMIN" ? "/admin" : "/app");

export function areaAccess(user: SessionUser | null, req: { area: "admin" }): AreaAccess<AdminUser>;
export function areaAccess(
  user: SessionUser | null,
  req: { area: "tenant"; ownerOnly?: boolean },
): AreaAccess<TenantUser>;
export function areaAccess(
  user: SessionUser | null,
  req: AreaRequirement,
): AreaAccess<AdminUser | TenantUser>;
export function areaAccess(
  user: SessionUser | null,
  req: AreaRequirement,
): AreaAccess<AdminUser | TenantUser> {
  if (!user) return { ok: false, reason: "signed_out" };
  if (req.area === "admin")
    return isAdmin(user) ? { ok: true, user } : { ok: false, reason: "wrong_role", user };
  if (!isTenantUser(user) || (req.ownerOnly && user.role !== "TENANT_OWNER"))
    return { ok: false, reason: "wrong_role", user };
  return { ok: true, user };
}
