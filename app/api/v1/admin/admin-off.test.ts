// With TOLLGATE_ADMIN_TOKEN unset the admin API does not exist: every route answers 404
// problem+json, whatever token is sent, and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ADMIN_TOKEN, rowCounts, startAdminServer, type AdminServer } from "@/test/admin-server";
import { createTenantWithKey } from "@/test/fixtures";

let s: AdminServer;
let ids: { tenant: string; key: string };

beforeAll(async () => {
  s = await startAdminServer("admin_off", { token: null });
  const { tenant, apiKey } = await createTenantWithKey(s.db.prisma, { slug: "off", available: 0n });
  ids = { tenant: tenant.id, key: apiKey.id };
});
afterAll(async () => {
  await s?.close();
});

describe("admin API with TOLLGATE_ADMIN_TOKEN unset", () => {
  const calls: Array<[string, string, () => string, unknown]> = [
    ["GET", "/plans", () => "/api/v1/admin/plans", undefined],
    ["PUT", "/plans/{key}", () => "/api/v1/admin/plans/pro", { name: "Pro", requestsPerMinute: 60 }],
    ["GET", "/models", () => "/api/v1/admin/models", undefined],
    ["GET", "/models/{id}", () => "/api/v1/admin/models/gpt-4o-mini", undefined],
    [
      "PUT",
      "/models/{id}",
      () => "/api/v1/admin/models/gpt-4o-mini",
      { provider: "openai", displayName: "Mini", inputPrice: "1", outputPrice: "1" },
    ],
    ["DELETE", "/models/{id}", () => "/api/v1/admin/models/gpt-4o-mini", undefined],
    [
      "POST",
      "/models/{id}/prices",
      () => "/api/v1/admin/models/gpt-4o-mini/prices",
      { inputPrice: "1", outputPrice: "1" },
    ],
    ["POST", "/tenants", () => "/api/v1/admin/tenants", { name: "Acme", planKey: "test-plan" }],
    ["GET", "/tenants/{id}", () => `/api/v1/admin/tenants/${ids.tenant}`, undefined],
    ["PATCH", "/tenants/{id}", () => `/api/v1/admin/tenants/${ids.tenant}`, { status: "SUSPENDED" }],
    [
      "PUT",
      "/tenants/{id}/billing",
      () => `/api/v1/admin/tenants/${ids.tenant}/billing`,
      { mode: "manual", status: "active", currentPeriodEnd: "2030-01-01T00:00:00Z" },
    ],
    ["POST", "/tenants/{id}/keys", () => `/api/v1/admin/tenants/${ids.tenant}/keys`, { name: "k" }],
    [
      "POST",
      "/tenants/{id}/credits",
      () => `/api/v1/admin/tenants/${ids.tenant}/credits`,
      { amount: "1", reason: "r", idempotencyKey: "i" },
    ],
    ["POST", "/keys/{id}/approve", () => `/api/v1/admin/keys/${ids.key}/approve`, undefined],
    ["POST", "/keys/{id}/revoke", () => `/api/v1/admin/keys/${ids.key}/revoke`, undefined],
    ["GET", "/tenants", () => "/api/v1/admin/tenants", undefined],
    ["GET", "/tenants/{id}/keys", () => `/api/v1/admin/tenants/${ids.tenant}/keys`, undefined],
    ["GET", "/tenants/{id}/ledger", () => `/api/v1/admin/tenants/${ids.tenant}/ledger`, undefined],
    ["GET", "/tenants/{id}/decisions", () => `/api/v1/admin/tenants/${ids.tenant}/decisions`, undefined],
    ["GET", "/tenants/{id}/usage", () => `/api/v1/admin/tenants/${ids.tenant}/usage`, undefined],
    ["GET", "/decisions/{decisionId}", () => "/api/v1/admin/decisions/dec_1", undefined],
    ...(
      [
        ["GET", "/alert-rules", undefined],
        ["POST", "/alert-rules", { kind: "CARD_EXPIRED" }],
        ["GET", "/alert-rules/r1", undefined],
        ["PATCH", "/alert-rules/r1", { enabled: false }],
        ["DELETE", "/alert-rules/r1", undefined],
        ["GET", "/channels", undefined],
        ["POST", "/channels", { kind: "EMAIL", name: "m", target: "ops@example.com" }],
        ["GET", "/channels/c1", undefined],
        ["PATCH", "/channels/c1", { enabled: false }],
        ["DELETE", "/channels/c1", undefined],
        ["POST", "/channels/c1/test", undefined],
        ["GET", "/alert-deliveries", undefined],
      ] as const
    ).map(([method, sub, body]): [string, string, () => string, unknown] => [
      method,
      `/tenants/{id}${sub}`,
      () => `/api/v1/admin/tenants/${ids.tenant}${sub}`,
      body,
    ]),
  ];

  it.each(calls)("%s %s → 404 problem+json, nothing written", async (method, _name, path, body) => {
    const before = await rowCounts(s.db);
    for (const auth of [`Bearer ${ADMIN_TOKEN}`, ""]) {
      const res = await s.call(method, path(), body, { Authorization: auth });
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(await res.json()).toEqual({
        type: "https://tollgate.dev/problems/not_found",
        title: "Not found",
        status: 404,
        code: "not_found",
      });
    }
    expect(await rowCounts(s.db)).toEqual(before);
  });
});
