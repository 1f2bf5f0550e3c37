// A small path table for route handlers: exact paths and patterns like "/tenants/:id".
import type { RouteHandler } from "@/lib/http/route";

export type Routes = Record<string, Partial<Record<string, RouteHandler>>>;
export type RouteMatch = { handler: RouteHandler; params: Record<string, string> };

/** The handler for a method and path, with the pattern's params filled; undefined if none. */
export function matchRoute(routes: Routes, method: string, pathname: string): RouteMatch | undefined {
  const exact = routes[pathname]?.[method];
  if (exact) return { handler: exact, params: {} };
  const parts = pathname.split("/");
  for (const [pattern, methods] of Object.entries(routes)) {
    const handler = methods[method];
    const want = pattern.split("/");
    if (!handler || !pattern.includes(":") || want.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = want.every((seg, i) => {
      if (!seg.startsWith(":")) return seg === parts[i];
      params[seg.slice(1)] = decodeURIComponent(parts[i]!);
      return parts[i] !== "";
    });
    if (ok) return { handler, params };
  }
  return undefined;
}
