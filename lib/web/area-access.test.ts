import { describe, expect, it } from "vitest";

import { areaAccess, areaHome, type AreaRequirement, type SessionUser } from "@/lib/web/area-access";

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
const orphan: SessionUser = {
  id: "x",
  email: "orphan@x.test",
  name: "X",
  role: "TENANT_MEMBER",
  tenantId: null,
};

const cases: [string, SessionUser | null, AreaRequirement, "ok" | "signed_out" | "wrong_role"][] = [
  ["signed out, admin area", null, { area: "admin" }, "signed_out"],
  ["signed out, tenant area", null, { area: "tenant" }, "signed_out"],
  ["admin, admin area", admin, { area: "admin" }, "ok"],
  ["admin, tenant area", admin, { area: "tenant" }, "wrong_role"],
  ["owner, admin area", owner, { area: "admin" }, "wrong_role"],
  ["member, admin area", member, { area: "admin" }, "wrong_role"],
  ["owner, tenant area", owner, { area: "tenant" }, "ok"],
  ["member, tenant area", member, { area: "tenant" }, "ok"],
  ["owner, owner-only action", owner, { area: "tenant", ownerOnly: true }, "ok"],
  ["member, owner-only action", member, { area: "tenant", ownerOnly: true }, "wrong_role"],
  ["tenant role without a tenant", orphan, { area: "tenant" }, "wrong_role"],
];

describe("areaAccess", () => {
  it.each(cases)("%s", (_name, user, req, expected) => {
    const access = areaAccess(user, req);
    expect(access.ok ? "ok" : access.reason).toBe(expected);
    if (access.ok) expect(access.user).toBe(user);
  });

  it("sends each role to its own home", () => {
    expect(areaHome("ADMIN")).toBe("/admin");
    expect(areaHome("TENANT_OWNER")).toBe("/app");
    expect(areaHome("TENANT_MEMBER")).toBe("/app");
  });
});
