import { beforeEach, describe, expect, it, vi } from "vitest";

import { operation } from "@/lib/http/operation";
import type { SessionUser } from "@/lib/web/area-access";

// The real next-auth session needs a request; the wrapper's own behaviour is what is tested here.
const current = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/web/session", () => ({ getSessionUser: async () => current.user }));

const { session } = await import("@/lib/web/session-auth");
const { route } = await import("@/lib/http/route");

const admin: SessionUser = { id: "a", email: "admin@x.test", name: "A", role: "ADMIN", tenantId: null };
const owner: SessionUser = {
  id: "o",
  email: "owner@x.test",
  name: "O",
  role: "TENANT_OWNER",
  tenantId: "t1",
};
const member: SessionUser = {
  id: "m",
  email: "member@x.test",
  name: "M",
  role: "TENANT_MEMBER",
  tenantId: "t1",
};

// A route under test needs an operation; these probe the session strategy only.
const probe = operation({
  method: "get",
  path: "/api/probe",
  operationId: "probe",
  summary: "A route that answers who called",
  tag: "Test",
  security: "session",
  responses: {},
});

const adminRoute = route({ operation: probe, auth: session({ area: "admin" }) }, async ({ auth: user }) =>
  Response.json({ id: user.id }),
);
const tenantRoute = route({ operation: probe, auth: session({ area: "tenant" }) }, async ({ auth: user }) =>
  Response.json({ tenantId: user.tenantId }),
);
const ownerRoute = route({ operation: probe, auth: session({ area: "tenant", ownerOnly: true }) }, async () =>
  Response.json({ ok: true }),
);
const anyUserRoute = route({ operation: probe, auth: session() }, async ({ auth: user }) =>
  Response.json({ role: user.role }),
);
const failing = route({ operation: probe, auth: session({ area: "admin" }) }, async () => {
  throw new Error("connection refused at 10.0.0.5");
});

const call = (handler: (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>) =>
  handler(new Request("http://t.test/api/x"), { params: Promise.resolve({}) });

describe("route with the session strategy", () => {
  beforeEach(() => {
    current.user = null;
  });

  it.each([
    ["an area route", adminRoute],
    ["a route for any signed-in user", anyUserRoute],
  ])(
    "answers 401 problem+json when signed out on %s, without running the handler",
    async (_name, handler) => {
      const res = await call(handler);
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(await res.json()).toMatchObject({
        type: expect.stringMatching(/unauthorized$/),
        title: "Not signed in",
        status: 401,
        detail: expect.any(String),
      });
    },
  );

  it.each([
    ["a tenant owner on an admin route", owner, adminRoute],
    ["an admin on a tenant route", admin, tenantRoute],
    ["a member on an owner-only route", member, ownerRoute],
  ] as const)("answers 403 problem+json to %s", async (_name, user, route) => {
    current.user = user;
    const res = await call(route);
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({
      type: expect.stringMatching(/forbidden$/),
      title: "Forbidden",
      status: 403,
    });
  });

  it("hands the right user to the handler", async () => {
    current.user = admin;
    expect(await (await call(adminRoute)).json()).toEqual({ id: "a" });
    current.user = member;
    expect(await (await call(tenantRoute)).json()).toEqual({ tenantId: "t1" });
    current.user = owner;
    expect((await call(ownerRoute)).status).toBe(200);
    expect(await (await call(anyUserRoute)).json()).toEqual({ role: "TENANT_OWNER" });
  });

  it("hides an unexpected failure behind a generic 500", async () => {
    current.user = admin;
    vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await call(failing);
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain("10.0.0.5");
  });
});
