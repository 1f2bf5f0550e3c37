// The operations no other API test calls with success, called here through the test server, so
// their answers are held to openapi.json too (test/contract.ts checks every answer; a whole run
// fails unless every operation answered some test with a documented success).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { SessionUser } from "@/lib/web/area-access";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { createTenantWithKey } from "@/test/fixtures";
import { serveRoutes } from "@/test/serve-route";

// The real next-auth session needs a browser's cookie; the e2e specs sign in for real.
const current = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/web/session", () => ({ getSessionUser: async () => current.user }));
vi.mock("server-only", () => ({}));

let db: TestDatabase;
let server: { url: string; close(): Promise<void> };
let tenantId: string;

beforeAll(async () => {
  db = await createTestDatabase("api_contract");
  process.env.DATABASE_URL = db.url;
  tenantId = (await createTenantWithKey(db.prisma, { slug: "contract", available: 5_000_000n })).tenant.id;
  server = await serveRoutes([
    "/api/health",
    "/api/openapi.json",
    "/api/dashboard/summary",
    "/api/dashboard/tenants/:id/summary",
    "/api/dashboard/export/:kind",
  ]);
});
afterAll(async () => {
  await server?.close();
  await db?.drop();
});

const get = (path: string) => fetch(`${server.url}${path}`);

describe("operations the other API tests do not answer with success", () => {
  it("GET /api/health answers ready on a migrated database", async () => {
    const res = await get("/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", db: "ok", migrations: "current" });
  });

  it("GET /api/openapi.json answers the committed document", async () => {
    const res = await get("/api/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/api/v1/authorize");
  });

  it("the dashboard's summaries answer the signed-in tenant's and, for an admin, any tenant's", async () => {
    current.user = { id: "u1", email: "o@x.test", name: "O", role: "TENANT_OWNER", tenantId };
    const own = await get("/api/dashboard/summary");
    expect(own.status).toBe(200);
    current.user = { id: "a1", email: "a@x.test", name: "A", role: "ADMIN", tenantId: null };
    const any = await get(`/api/dashboard/tenants/${tenantId}/summary`);
    expect(any.status).toBe(200);
    // The same tenant seen from both sides (the summary also carries the moment it was read).
    const [mine, theirs] = (await Promise.all([own.json(), any.json()])) as Array<{ tenant: unknown }>;
    expect(theirs!.tenant).toEqual(mine!.tenant);
  });

  it("an export streams CSV with its header row", async () => {
    current.user = { id: "a1", email: "a@x.test", name: "A", role: "ADMIN", tenantId: null };
    const res = await get(`/api/dashboard/export/ledger?tenantId=${tenantId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect((await res.text()).split("\n")[0]).toMatch(/,/);
  });
});
