import { describe, expect, it } from "vitest";

import { apiRouteFiles, apiRoutes } from "@/lib/web/server/api-routes";
import { DECISION_PATHS } from "@/lib/web/server/decision-routes";

describe("the route table", () => {
  const patterns = apiRouteFiles().map((r) => r.pattern);

  it("names every app/api route by its URL, [id] folders as :id, and leaves next-auth's catch-all to Next", () => {
    expect(patterns).toEqual(
      expect.arrayContaining([
        "/api/health",
        "/api/stripe/webhook",
        "/api/v1/authorize",
        "/api/v1/admin/tenants/:id/credits",
        "/api/v1/admin/plans/:key",
        "/api/dashboard/export/:kind",
      ]),
    );
    expect(patterns.some((p) => p.startsWith("/api/auth"))).toBe(false);
  });

  it("holds the production server's hot paths", () => {
    for (const p of DECISION_PATHS) expect(patterns).toContain(p);
  });

  it("refuses a listed path with no route file, so a moved route cannot silently leave the fast path", async () => {
    await expect(apiRoutes(["/api/v1/nope"])).rejects.toThrow(/no app\/api route file for \/api\/v1\/nope/);
  });
});
