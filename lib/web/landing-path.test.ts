import { describe, expect, it } from "vitest";

import { landingPath, safeCallbackPath } from "@/lib/web/landing-path";

describe("safeCallbackPath", () => {
  it.each([
    ["/admin/tenants", "/admin/tenants"],
    ["/app?range=7d#usage", "/app?range=7d#usage"],
    ["/app/../admin", "/admin"],
    [undefined, null],
    ["", null],
    ["https://evil.example/app", null],
    ["//evil.example/app", null],
    ["/\\evil.example", null],
    ["/\tevil", null],
    ["javascript:alert(1)", null],
    ["app", null],
  ])("%j → %j", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});

describe("landingPath", () => {
  it.each([
    ["ADMIN", undefined, "/admin"],
    ["ADMIN", "/admin/tenants", "/admin/tenants"],
    ["ADMIN", "/app", "/admin"],
    ["ADMIN", "/administrator", "/admin"],
    ["TENANT_OWNER", "/app", "/app"],
    ["TENANT_OWNER", "/app/usage?range=30d", "/app/usage?range=30d"],
    ["TENANT_OWNER", "/admin", "/app"],
    ["TENANT_MEMBER", "/apple", "/app"],
    ["TENANT_MEMBER", "//evil.example/app", "/app"],
    ["TENANT_MEMBER", "/sign-in", "/app"],
  ] as const)("%s with %j → %s", (role, callback, expected) => {
    expect(landingPath(role, callback)).toBe(expected);
  });
});
