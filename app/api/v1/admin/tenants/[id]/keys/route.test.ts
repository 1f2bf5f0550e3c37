// POST /api/v1/admin/tenants/{id}/keys and POST /api/v1/admin/keys/{id}/approve|revoke over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { hashApiKey } from "@/lib/keys/api-key";
import { rowCounts, startAdminServer, type AdminServer } from "@/test/admin-server";
import { TEST_MODEL } from "@/test/fixtures";

let s: AdminServer;
let tenantA: string;
let tenantB: string;

beforeAll(async () => {
  s = await startAdminServer("admin_keys");
  await s.db.prisma.model.create({ data: TEST_MODEL });
  await s.call("PUT", "/api/v1/admin/plans/pro", { name: "Pro", requestsPerMinute: 60 });
  tenantA = (
    await (await s.call("POST", "/api/v1/admin/tenants", { name: "Tenant A", planKey: "pro" })).json()
  ).id;
  tenantB = (
    await (await s.call("POST", "/api/v1/admin/tenants", { name: "Tenant B", planKey: "pro" })).json()
  ).id;
});
afterAll(async () => {
  await s?.close();
});

const json = async (res: Response) => ({ status: res.status, body: await res.json() });
const createKey = (tenantId: string, body: unknown) =>
  s.call("POST", `/api/v1/admin/tenants/${tenantId}/keys`, body).then(json);
const keyAction = (id: string, action: "approve" | "revoke") =>
  s.call("POST", `/api/v1/admin/keys/${id}/${action}`).then(json);

describe("POST /api/v1/admin/tenants/{id}/keys", () => {
  it("issues a key (201) whose secret is shown once and stored only as its hash", async () => {
    const { status, body } = await createKey(tenantA, {
      name: "prod",
      models: [TEST_MODEL.id],
      dailyBudget: "5000000",
      monthlyBudget: 100_000_000,
    });
    expect(status).toBe(201);
    expect(body).toEqual({
      id: expect.any(String),
      tenantId: tenantA,
      name: "prod",
      prefix: body.secret.slice(0, 12),
      status: "ACTIVE",
      models: [TEST_MODEL.id],
      dailyBudget: "5000000",
      monthlyBudget: "100000000",
      createdAt: expect.any(String),
      approvedAt: null,
      revokedAt: null,
      lastUsedAt: null,
      secret: expect.stringMatching(/^tg_live_[A-Za-z0-9_-]{32}$/),
    });
    const row = await s.db.prisma.apiKey.findUniqueOrThrow({ where: { id: body.id } });
    expect(row).toMatchObject({
      tenantId: tenantA,
      hash: hashApiKey(body.secret),
      allowedModels: [TEST_MODEL.id],
      dailySpendCap: 5_000_000n,
      monthlySpendCap: 100_000_000n,
      status: "ACTIVE",
    });
    // Never again: not in the tenant view, not in the audit trail.
    const view = JSON.stringify((await json(await s.call("GET", `/api/v1/admin/tenants/${tenantA}`))).body);
    expect(view).toContain(body.id);
    expect(view).not.toContain(body.secret);
    const audit = await s.db.prisma.auditLog.findFirstOrThrow({
      where: { action: "api_key.create", targetId: body.id },
    });
    expect(audit).toMatchObject({
      tenantId: tenantA,
      targetType: "ApiKey",
      after: { name: "prod", status: "ACTIVE", dailyBudget: "5000000" },
    });
    const trail = JSON.stringify([audit.before, audit.after]);
    expect(trail).not.toContain(body.secret);
    expect(trail).not.toContain(row.hash);
  });

  it("creates a key awaiting approval, with no budgets", async () => {
    const { body } = await createKey(tenantA, { name: "needs-ok", requireApproval: true });
    expect(body).toMatchObject({
      status: "PENDING_APPROVAL",
      models: [],
      dailyBudget: null,
      monthlyBudget: null,
    });
  });

  it.each([
    ["an unknown model", { name: "k", models: ["gpt-9"] }, 422, ["models"]],
    [
      "bad fields",
      { models: "gpt-4o-mini", requireApproval: "yes", dailyBudget: -5 },
      422,
      ["name", "models", "requireApproval", "dailyBudget"],
    ],
  ])("refuses %s with 422 naming each field, writing nothing", async (_name, input, status, paths) => {
    const before = await rowCounts(s.db);
    const res = await createKey(tenantA, input);
    expect(res.status).toBe(status);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(paths);
    expect(await rowCounts(s.db)).toEqual(before);
  });

  it("answers 404 for an unknown tenant, and a key id is not a tenant id", async () => {
    const { body: key } = await createKey(tenantA, { name: "not-a-tenant" });
    const before = await rowCounts(s.db);
    expect((await createKey("no-such-tenant", { name: "k" })).status).toBe(404);
    expect((await createKey(key.id, { name: "k" })).status).toBe(404);
    expect(await rowCounts(s.db)).toEqual(before);
  });

  it("keeps each tenant's keys to itself", async () => {
    const { body } = await createKey(tenantB, { name: "b-only" });
    expect(body.tenantId).toBe(tenantB);
    const a = (await json(await s.call("GET", `/api/v1/admin/tenants/${tenantA}`))).body;
    const b = (await json(await s.call("GET", `/api/v1/admin/tenants/${tenantB}`))).body;
    expect(a.keys.map((k: { id: string }) => k.id)).not.toContain(body.id);
    expect(b.keys.map((k: { id: string }) => k.id)).toEqual([body.id]);
  });
});

describe("POST /api/v1/admin/keys/{id}/approve and /revoke", () => {
  it("approves a pending key once, revokes it, and never revives it", async () => {
    const { body: key } = await createKey(tenantB, { name: "lifecycle", requireApproval: true });
    const approved = await keyAction(key.id, "approve");
    expect(approved).toMatchObject({
      status: 200,
      body: {
        id: key.id,
        tenantId: tenantB,
        status: "ACTIVE",
        approvedAt: expect.any(String),
        revokedAt: null,
      },
    });
    expect(await s.db.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } })).toMatchObject({
      status: "ACTIVE",
      approvedAt: new Date(approved.body.approvedAt),
    });

    // A repeat changes nothing and writes no audit row.
    expect(await keyAction(key.id, "approve")).toEqual(approved);

    const revoked = await keyAction(key.id, "revoke");
    expect(revoked).toMatchObject({
      status: 200,
      body: { status: "REVOKED", revokedAt: expect.any(String) },
    });
    expect(await keyAction(key.id, "revoke")).toEqual(revoked);

    const before = await rowCounts(s.db);
    const revive = await keyAction(key.id, "approve");
    expect(revive.status).toBe(409);
    expect(revive.body).toMatchObject({ code: "conflict", detail: expect.stringMatching(/revoked/) });
    expect(await rowCounts(s.db)).toEqual(before);

    const audits = await s.db.prisma.auditLog.findMany({
      where: { targetId: key.id },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => [a.action, a.tenantId, a.before, a.after])).toEqual([
      ["api_key.create", tenantB, null, expect.objectContaining({ status: "PENDING_APPROVAL" })],
      ["api_key.approve", tenantB, { status: "PENDING_APPROVAL" }, { status: "ACTIVE" }],
      ["api_key.revoke", tenantB, { status: "ACTIVE" }, { status: "REVOKED" }],
    ]);
  });

  it("revokes a key still awaiting approval", async () => {
    const { body: key } = await createKey(tenantA, { name: "never-approved", requireApproval: true });
    expect((await keyAction(key.id, "revoke")).body).toMatchObject({ status: "REVOKED", approvedAt: null });
  });

  it("answers 404 for an unknown key, and a tenant id is not a key id", async () => {
    for (const id of ["no-such-key", tenantA]) {
      for (const action of ["approve", "revoke"] as const) {
        const res = await keyAction(id, action);
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ code: "not_found" });
      }
    }
  });

  it("answers 401 to a wrong token, changing nothing", async () => {
    const { body: key } = await createKey(tenantA, { name: "guarded", requireApproval: true });
    const res = await s.call("POST", `/api/v1/admin/keys/${key.id}/approve`, undefined, {
      Authorization: "Bearer not-the-admin-token-at-all",
    });
    expect(res.status).toBe(401);
    expect((await s.db.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } })).status).toBe(
      "PENDING_APPROVAL",
    );
  });
});
