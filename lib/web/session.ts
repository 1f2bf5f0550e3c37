// The Next.js adapter layer: the only part of lib/ that imports next/*. It resolves the signed-in
// user for pages, layouts, server actions and route handlers, and guards each area.
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import { prisma } from "@/lib/db";

export type SessionUser = { id: string; email: string; name: string; role: "ADMIN" | "TENANT_OWNER" | "TENANT_MEMBER"; tenantId: string | null };
export type TenantUser = SessionUser & { role: "TENANT_OWNER" | "TENANT_MEMBER"; tenantId: string };

/** The signed-in user, re-read from the database (once per request), or null. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await prisma.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true, tenantId: true } });
  if (!user || (user.role !== "ADMIN" && !user.tenantId)) return null;
  return user;
});

export const isTenantUser = (u: SessionUser): u is TenantUser => u.role !== "ADMIN" && u.tenantId !== null;

function signInRedirect(returnTo: string): never {
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
}

// Layouts have no access to the request path, and they decide before the page does, so a
// signed-out visitor returns to the area's home after signing in, not to the exact page.

/** Guard for admin pages, layouts and actions: signed out → sign-in; a tenant user → 403. */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) signInRedirect("/admin");
  if (user.role !== "ADMIN") forbidden();
  return user;
}

/** Guard for tenant pages, layouts and actions: signed out → sign-in; an admin → the admin area. */
export async function requireTenantUser(opts: { owner?: boolean } = {}): Promise<TenantUser> {
  const user = await getSessionUser();
  if (!user) signInRedirect("/app");
  if (!isTenantUser(user)) redirect("/admin");
  if (opts.owner && user.role !== "TENANT_OWNER") forbidden();
  return user;
}
