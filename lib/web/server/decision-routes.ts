// The decision API's hot paths, served by the production server straight from their route
// handlers (the same modules Next.js serves), skipping Next's router on every gateway call.
// A filter on the one route table (api-routes.ts), not a second table. Release is a gateway call
// too (one per cancelled call), so it takes the fast path with authorize and usage.
import { apiRoutes } from "@/lib/web/server/api-routes";
import type { Routes } from "@/lib/web/server/route-table";

export const DECISION_PATHS = [
  "/api/v1/authorize",
  "/api/v1/usage",
  "/api/v1/release",
  "/api/v1/balance",
] as const;

export function decisionRoutes(): Promise<Routes> {
  return apiRoutes(DECISION_PATHS);
}
