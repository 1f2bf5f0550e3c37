// The one table of the app's API route handlers, derived from the files Next.js serves
// (app/api/**/route.ts; a [segment] folder becomes ":segment"), so no server keeps its own list.
// The production server takes the decision API's hot paths from it, the test servers what they
// serve. Read once at start-up: nothing here runs per request.
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

import type { RouteHandler } from "@/lib/http/route";
import type { Routes } from "@/lib/web/server/route-table";

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** Every API route file as its path pattern ("/api/v1/admin/tenants/:id") and file. */
export function apiRouteFiles(root = process.cwd()): Array<{ pattern: string; file: string }> {
  const found: Array<{ pattern: string; file: string }> = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isFile() && entry.name === "route.ts")
        found.push({ pattern: `/${segments.join("/")}`, file: full });
      // A catch-all ([...x]) is Next's alone (next-auth): the table matches fixed-length patterns.
      if (!entry.isDirectory() || entry.name.startsWith("[...")) continue;
      // A route group "(name)" is not part of the URL.
      if (/^\(.*\)$/.test(entry.name)) walk(full, segments);
      else walk(full, [...segments, entry.name.replace(/^\[(\w+)\]$/, ":$1")]);
    }
  };
  walk(path.join(root, "app", "api"), ["api"]);
  return found.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/**
 * The handlers of the selected patterns (a list, each of which must exist, or a test), imported
 * now. Only what is selected is imported: the production server's hot routes must not pull in the
 * routes that need Next.
 */
export async function apiRoutes(
  select: readonly string[] | ((pattern: string) => boolean),
  root = process.cwd(),
): Promise<Routes> {
  const files = apiRouteFiles(root);
  if (Array.isArray(select)) {
    const missing = select.filter((p) => !files.some((f) => f.pattern === p));
    if (missing.length) throw new Error(`no app/api route file for ${missing.join(", ")}`);
  }
  const wanted = files.filter((f) =>
    typeof select === "function" ? select(f.pattern) : select.includes(f.pattern),
  );
  const routes: Routes = {};
  await Promise.all(
    wanted.map(async ({ pattern, file }) => {
      const mod = (await import(pathToFileURL(file).href)) as Partial<Record<string, RouteHandler>>;
      routes[pattern] = Object.fromEntries(METHODS.flatMap((m) => (mod[m] ? [[m, mod[m]]] : [])));
    }),
  );
  return routes;
}
