// Every admin route's answer to bad input and bad tokens, over real HTTP: the status, the
// problem+json shape, and no row changed. And an unknown error: 500 with nothing internal in it.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { rowCounts, startAdminServer, type AdminServer } from "@/test/admin-server";
import { createChannel, createRule } from "@/test/alert-fixtures";
import { createTenantWithKey, TEST_MODEL } from "@/test/fixtures";

let s: AdminServer;
let ids: { tenant: string; key: string; rule: string; channel: string };

beforeAll(async () => {
  s = await startAdminServer("admin_bad_input");
  const { tenant, apiKey } = await createTenantWithKey(s.db.prisma, { slug: "bad-input", available: 1_000n });
  await s.db.prisma.apiKey.update({ where: { id: apiKey.id }, data: { status: "PENDING_APPROVAL" } });
  const channel = await createChannel(s.db.prisma, tenant.id, "https://hooks.example.com/bad-input");
  const rule = await createRule(s.db.prisma, tenant.id, "CARD_EXPIRED", 0n, [channel.id]);
  ids = { tenant: tenant.id, key: apiKey.id, rule: rule.id, channel: channel.id };
});
afterAll(async () => {
  await s?.close();
});

// [method, route, path, a valid body]
const withBody: Array<[string, string, () => string, Record<string, unknown>]> = [
  ["PUT", "/plans/{key}", () => "/api/v1/admin/plans/gold", { name: "Gold", requestsPerMinute: 60 }],
  [
    "PUT",
    "/models/{id}",
    () => "/api/v1/admin/models/new-model",
    { provider: "acme", displayName: "New", inputPrice: "1", outputPrice: "2" },
  ],
  [
    "POST",
    "/models/{id}/prices",
    () => `/api/v1/admin/models/${TEST_MODEL.id}/prices`,
    { inputPrice: "1", outputPrice: "2" },
  ],
  ["POST", "/tenants", () => "/api/v1/admin/tenants", { name: "New Co", planKey: "test-plan" }],
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
  [
    "POST",
    "/tenants/{id}/alert-rules",
    () => `/api/v1/admin/tenants/${ids.tenant}/alert-rules`,
    { kind: "QUOTA_USED_PCT", threshold: "80" },
  ],
  [
    "PATCH",
    "/tenants/{id}/alert-rules/{ruleId}",
    () => `/api/v1/admin/tenants/${ids.tenant}/alert-rules/${ids.rule}`,
    { enabled: false },
  ],
  [
    "POST",
    "/tenants/{id}/channels",
    () => `/api/v1/admin/tenants/${ids.tenant}/channels`,
    { kind: "EMAIL", name: "m", target: "ops@example.com" },
  ],
  [
    "PATCH",
    "/tenants/{id}/channels/{channelId}",
    () => `/api/v1/admin/tenants/${ids.tenant}/channels/${ids.channel}`,
    { name: "renamed" },
  ],
];
const withoutBody: Array<[string, string, () => string, undefined]> = [
  ["GET", "/plans", () => "/api/v1/admin/plans", undefined],
  ["GET", "/models", () => "/api/v1/admin/models", undefined],
  ["GET", "/models/{id}", () => `/api/v1/admin/models/${TEST_MODEL.id}`, undefined],
  ["DELETE", "/models/{id}", () => `/api/v1/admin/models/${TEST_MODEL.id}`, undefined],
  ["GET", "/tenants/{id}", () => `/api/v1/admin/tenants/${ids.tenant}`, undefined],
  ["POST", "/keys/{id}/approve", () => `/api/v1/admin/keys/${ids.key}/approve`, undefined],
  ["POST", "/keys/{id}/revoke", () => `/api/v1/admin/keys/${ids.key}/revoke`, undefined],
  ["GET", "/tenants/{id}/alert-rules", () => `/api/v1/admin/tenants/${ids.tenant}/alert-rules`, undefined],
  [
    "GET",
    "/tenants/{id}/alert-rules/{ruleId}",
    () => `/api/v1/admin/tenants/${ids.tenant}/alert-rules/${ids.rule}`,
    undefined,
  ],
  [
    "DELETE",
    "/tenants/{id}/alert-rules/{ruleId}",
    () => `/api/v1/admin/tenants/${ids.tenant}/alert-rules/${ids.rule}`,
    undefined,
  ],
  ["GET", "/tenants/{id}/channels", () => `/api/v1/admin/tenants/${ids.tenant}/channels`, undefined],
  [
    "GET",
    "/tenants/{id}/channels/{channelId}",
    () => `/api/v1/admin/tenants/${ids.tenant}/channels/${ids.channel}`,
    undefined,
  ],
  [
    "DELETE",
    "/tenants/{id}/channels/{channelId}",
    () => `/api/v1/admin/tenants/${ids.tenant}/channels/${ids.channel}`,
    undefined,
  ],
  [
    "POST",
    "/tenants/{id}/channels/{channelId}/test",
    () => `/api/v1/admin/tenants/${ids.tenant}/channels/${ids.channel}/test`,
    undefined,
  ],
  [
    "GET",
    "/tenants/{id}/alert-deliveries",
    () => `/api/v1/admin/tenants/${ids.tenant}/alert-deliveries`,
    undefined,
  ],
  ...reads().map(
    ([route, path]) => ["GET", route, path, undefined] as [string, string, () => string, undefined],
  ),
];

/** The read API's GET routes: [route, path]. */
function reads(): Array<[string, () => string]> {
  return [
    ["/tenants", () => "/api/v1/admin/tenants"],
    ["/tenants/{id}/keys", () => `/api/v1/admin/tenants/${ids.tenant}/keys`],
    ["/tenants/{id}/ledger", () => `/api/v1/admin/tenants/${ids.tenant}/ledger`],
    ["/tenants/{id}/decisions", () => `/api/v1/admin/tenants/${ids.tenant}/decisions`],
    ["/tenants/{id}/usage", () => `/api/v1/admin/tenants/${ids.tenant}/usage`],
    ["/decisions/{decisionId}", () => "/api/v1/admin/decisions/dec_1"],
  ];
}

async function expectProblem(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const body = await res.json();
  expect(body).toMatchObject({
    type: `https://tollgate.dev/problems/${code}`,
    title: expect.any(String),
    status,
  });
  return body;
}

const badBodies: Array<
  [
    string,
    number,
    string,
    (valid: Record<string, unknown>) => { body: string; headers?: Record<string, string> },
  ]
> = [
  ["unparsable JSON", 400, "bad_json", () => ({ body: '{"name": "x",' })],
  [
    "a wrong content type",
    415,
    "unsupported_media_type",
    (valid) => ({ body: JSON.stringify(valid), headers: { "Content-Type": "text/plain" } }),
  ],
  [
    "a body over 1 MB",
    413,
    "payload_too_large",
    (valid) => ({ body: JSON.stringify({ ...valid, pad: "x".repeat(1_100_000) }) }),
  ],
  [
    "schema violations",
    422,
    "validation_failed",
    () => ({ body: JSON.stringify({ surprise: true, amount: "lots", name: 42 }) }),
  ],
];

describe.each(withBody)("%s %s", (method, _route, path, valid) => {
  it.each(badBodies)(
    "answers %s with %i problem+json, writing nothing",
    async (_name, status, code, make) => {
      const before = await rowCounts(s.db);
      const { body, headers } = make(valid);
      const problem = await expectProblem(await s.call(method, path(), body, headers), status, code);
      if (status === 422) {
        expect(problem.errors.length).toBeGreaterThan(0);
        for (const e of problem.errors)
          expect(e).toEqual({ path: expect.any(String), message: expect.any(String) });
      }
      expect(await rowCounts(s.db)).toEqual(before);
    },
  );
});

describe.each([...withBody, ...withoutBody])("%s %s with a bad token", (method, _route, path, valid) => {
  it.each([
    ["a wrong token", "Bearer this-is-not-the-admin-token"],
    ["no token", ""],
    ["another scheme", "Basic dGVzdA=="],
  ])("answers %s with 401, writing nothing", async (_name, auth) => {
    const before = await rowCounts(s.db);
    const problem = await expectProblem(
      await s.call(method, path(), valid, { Authorization: auth }),
      401,
      "unauthorized",
    );
    expect(problem.code).toBe("admin_token_invalid");
    expect(await rowCounts(s.db)).toEqual(before);
  });
});

// Bad query parameters on the paged lists: [route, path, query, the field named].
const badQueries: Array<[string, () => string, string, string]> = [
  ...reads()
    .filter(([route]) => route !== "/decisions/{decisionId}" && route !== "/tenants/{id}/usage")
    .flatMap(([route, path]): Array<[string, () => string, string, string]> => [
      [route, path, "limit=0", "limit"],
      [route, path, "limit=101", "limit"],
      [route, path, "limit=ten", "limit"],
      [route, path, "startingAfter=", "startingAfter"],
      [route, path, "startingAfter=nope", "startingAfter"],
      [route, path, "surprise=1", "(body)"],
    ]),
  ["/tenants", () => "/api/v1/admin/tenants", "refusing=maybe", "refusing"],
  [
    "/tenants/{id}/decisions",
    () => `/api/v1/admin/tenants/${ids.tenant}/decisions`,
    "outcome=maybe",
    "outcome",
  ],
  ["/tenants/{id}/usage", () => `/api/v1/admin/tenants/${ids.tenant}/usage`, "from=yesterday", "from"],
  ["/tenants/{id}/usage", () => `/api/v1/admin/tenants/${ids.tenant}/usage`, "limit=5", "(body)"],
];

describe.each(badQueries)("GET %s", (_route, path, query, field) => {
  it(`answers ?${query} with 422 problem+json naming ${field}, writing nothing`, async () => {
    const before = await rowCounts(s.db);
    const problem = await expectProblem(await s.call("GET", `${path()}?${query}`), 422, "validation_failed");
    expect(problem.errors.map((e: { path: string }) => e.path)).toContain(field);
    expect(await rowCounts(s.db)).toEqual(before);
  });
});

describe("an unknown error", () => {
  it("answers 500 problem+json with no stack or SQL, and the change rolls back with its failed audit row", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const before = await rowCounts(s.db);
    await s.db.prisma.$executeRawUnsafe(`ALTER TABLE "AuditLog" RENAME TO "AuditLog_away"`);
    try {
      const res = await s.call("POST", "/api/v1/admin/tenants", { name: "Doomed", planKey: "test-plan" });
      const text = await res.clone().text();
      expect(await expectProblem(res, 500, "internal")).toEqual({
        type: "https://tollgate.dev/problems/internal",
        title: "Internal server error",
        status: 500,
        code: "internal",
        detail: "Something went wrong on our side. It has been logged.",
      });
      expect(text).not.toMatch(/AuditLog|relation|INSERT|prisma|\.ts:|at /i);
      expect(logged).toHaveBeenCalled(); // the server's log has the details
    } finally {
      await s.db.prisma.$executeRawUnsafe(`ALTER TABLE "AuditLog_away" RENAME TO "AuditLog"`);
      logged.mockRestore();
    }
    expect(await rowCounts(s.db)).toEqual(before);
    expect(await s.db.prisma.tenant.count({ where: { name: "Doomed" } })).toBe(0);
  });
});
