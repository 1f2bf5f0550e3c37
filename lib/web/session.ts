// The Next.js adapter layer: lib/web/ is the only part of lib/ that imports next/*. This file
// resolves the signed-in user for pages, layouts and server actions and guards each area;
// session-auth.ts does the same for route handlers. The decision itself is area-access.ts.
import "server-only";

import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";

import { authOptions } from "@/lib/auth/options";
import { prisma } from "@/lib/db";
import {
  areaAccess,
  areaHome,
  type AdminUser,
  type AreaRequirement,
  type SessionUser,
  type TenantUser,
} from "@/lib/web/area-access";

export type { AdminUser, SessionUser, TenantUser } from "@/lib/web/area-access";

/**
 * The signed-in user, re-read from the database (once per request), or null. The session cookie
 * only names the user: a deleted user is signed out and a changed role applies at once. A tenant
 * role without a tenant counts as signed out.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await prisma.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, tenantId: true },
  });
  if (!user || (user.role !== "ADMIN" && !user.tenantId)) return null;
  return user;
});

/**
 * The guard of every page, layout and server action of an area:
 * signed out → /sign-in (back to the area's home afterwards); a tenant user in the admin area, or
 * a member on an owner-only page → the 403 page (app/forbidden.tsx); an admin in the tenant
 * area → /admin.
 *
 * Layouts cannot see the request path and render before their page, so the callbackUrl is the
 * area's home rather than the exact page. Layouts do not re-render on client navigation: a page
 * must call this guard itself, the layout's call is only for the shell.
 */
export async function requireUser(req: { area: "admin" }): Promise<AdminUser>;
export async function requireUser(req: { area: "tenant"; ownerOnly?: boolean }): Promise<TenantUser>;
export async function requireUser(req: AreaRequirement): Promise<AdminUser | TenantUser> {
  const user = await getSessionUser();
  const access = areaAccess(user, req);
  if (access.ok) return access.user;
  if (access.reason === "signed_out") {
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(req.area === "admin" ? "/admin" : "/app")}`);
  }
  if (req.area === "tenant" && access.user.role === "ADMIN") redirect(areaHome("ADMIN"));
  forbidden();
}
