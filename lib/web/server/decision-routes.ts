// The decision API's hot paths, served by the production server straight from their route
// handlers (the same modules Next.js serves), skipping Next's router on every gateway call.
import type { Routes } from "@/lib/web/server/route-table";

export async function decisionRoutes(): Promise<Routes> {
  const [authorize, usage, balance] = await Promise.all([
    import("@/app/api/v1/authorize/route"),
    import("@/app/api/v1/usage/route"),
    import("@/app/api/v1/balance/route"),
  ]);
  return {
    "/api/v1/authorize": { POST: authorize.POST },
    "/api/v1/usage": { POST: usage.POST },
    "/api/v1/balance": { GET: balance.GET },
  };
}
