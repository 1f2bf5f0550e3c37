// POST /api/v1/admin/tenants/{id}/credits over real HTTP against real PostgreSQL: exactly once per
// idempotency key, the ledger equal to the balance, tenants kept apart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { rowCounts, startAdminServer, type AdminServer } from "@/test/admin-server";

let s: AdminServer;
let tenantA: string;
let tenantB: string;

beforeAll(async () => {
  s = await startAdminServer("admin_credits");
  await s.call("PUT", "/api/v1/admin/plans/pro", { name: "Pro", requestsPerMinute: 60 });
  tenantA = (
    await (await s.call("POST", "/api/v1/admin/tenants", { name: "Credits A", planKey: "pro" })).json()
  ).id;
  tenantB = (
    await (await s.call("POST", "/api/v1/admin/tenants", { name: "Credits B", planKey: "pro" })).json()
  ).id;
});
afterAll(async () => {
  await s?.close();
});

const grant = (tenantId: string, body: Record<string, unknown>) =>
  s.call("POST", `/api/v1/admin/tenants/${tenantId}/credits`, body);
const json = async (res: Response) => ({
  status: res.status,
  replayed: res.headers.get("idempotent-replayed"),
  body: await res.json(),
});

/** A tenant created through the API starts at 0, so its balance is exactly the sum of its ledger. */
async function balanceOf(tenantId: string) {
  const [balance, ledger] = await Promise.all([
    s.db.prisma.creditBalance.findUniqueOrThrow({ where: { tenantId } }),
    s.db.prisma.creditLedgerEntry.aggregate({ where: { tenantId }, _sum: { amount: true } }),
  ]);
  expect(ledger._sum.amount ?? 0n).toBe(balance.available);
  return balance.available;
}

describe("POST /api/v1/admin/tenants/{id}/credits", () => {
  it("grants credits (201), answered field by field, with the ledger entry, grant row and audit row", async () => {
    const res = await json(
      await grant(tenantA, {
        amount: "5000000",
        reason: "welcome credit",
        idempotencyKey: "welcome",
        expiresAt: "2030-06-30T00:00:00+02:00",
      }),
    );
    expect(res.status).toBe(201);
    expect(res.replayed).toBe("false");
    expect(res.body).toEqual({
      id: expect.stringMatching(/^\d+$/),
      tenantId: tenantA,
      kind: "GRANT",
      amount: "5000000",
      balanceAfter: "5000000",
      reason: "welcome credit",
      idempotencyKey: "welcome",
      grant: { id: expect.stringMatching(/^grant_/), expiresAt: "2030-06-29T22:00:00.000Z" },
      createdAt: expect.any(String),
    });
    expect(await balanceOf(tenantA)).toBe(5_000_000n);
    expect(
      await s.db.prisma.creditGrant.findUniqueOrThrow({ where: { id: res.body.grant.id } }),
    ).toMatchObject({
      tenantId: tenantA,
      amount: 5_000_000n,
      remaining: 5_000_000n,
      source: "ADMIN",
      expiresAt: new Date("2030-06-29T22:00:00Z"),
    });
    expect(
      await s.db.prisma.creditLedgerEntry.findUniqueOrThrow({ where: { id: BigInt(res.body.id) } }),
    ).toMatchObject({
      kind: "GRANT",
      amount: 5_000_000n,
      balanceAfter: 5_000_000n,
      grantId: res.body.grant.id,
      actorKind: "ADMIN_TOKEN",
      reason: "welcome credit",
    });
    expect(
      await s.db.prisma.auditLog.findFirstOrThrow({
        where: { action: "credits.grant", targetId: res.body.id },
      }),
    ).toMatchObject({
      tenantId: tenantA,
      actorKind: "ADMIN_TOKEN",
      before: { available: "0" },
      after: { available: "5000000", amount: "5000000" },
    });
  });

  it("grants once when the same idempotency key is sent 10 times at once, and answers all 10 alike", async () => {
    const start = await balanceOf(tenantA);
    const body = { amount: 250_000, reason: "goodwill", idempotencyKey: "goodwill-2026-05" };
    const answers = await Promise.all(Array.from({ length: 10 }, () => grant(tenantA, body).then(json)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(answers.filter((a) => a.replayed === "false")).toHaveLength(1);
    expect(answers[0]!.body).toMatchObject({
      amount: "250000",
      balanceAfter: String(start + 250_000n),
      grant: { expiresAt: null },
    });
    expect(await balanceOf(tenantA)).toBe(start + 250_000n);
    expect(await s.db.prisma.creditGrant.count({ where: { tenantId: tenantA, amount: 250_000n } })).toBe(1);
    expect(
      await s.db.prisma.auditLog.count({
        where: { action: "credits.grant", tenantId: tenantA, targetId: answers[0]!.body.id },
      }),
    ).toBe(1);

    // Later repeats too, even after other entries moved the balance.
    await grant(tenantA, { amount: 1, reason: "nudge", idempotencyKey: "nudge" });
    const later = await json(await grant(tenantA, body));
    expect(later).toMatchObject({ status: 201, replayed: "true", body: answers[0]!.body });
  });

  it("refuses the same key with a different amount (409), changing nothing", async () => {
    await grant(tenantA, { amount: 100, reason: "r", idempotencyKey: "fixed" });
    const before = await rowCounts(s.db);
    const res = await json(await grant(tenantA, { amount: 200, reason: "r", idempotencyKey: "fixed" }));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: "idempotency_key_reused", original: { amount: "100" } });
    expect(await rowCounts(s.db)).toEqual(before);
  });

  it("deducts with a negative amount (an ADJUSTMENT, no grant), and refuses one that would go below 0 with 409", async () => {
    const start = await balanceOf(tenantB);
    await grant(tenantB, { amount: 1_000, reason: "seed", idempotencyKey: "seed" });
    const deducted = await json(
      await grant(tenantB, { amount: "-400", reason: "correction", idempotencyKey: "fix-1" }),
    );
    expect(deducted).toMatchObject({
      status: 201,
      body: { kind: "ADJUSTMENT", amount: "-400", balanceAfter: String(start + 600n), grant: null },
    });

    const before = await rowCounts(s.db);
    const refused = await json(
      await grant(tenantB, { amount: String(-(start + 601n)), reason: "too much", idempotencyKey: "fix-2" }),
    );
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: "insufficient_credits", available: String(start + 600n) });
    expect(await rowCounts(s.db)).toEqual(before);
    expect(await balanceOf(tenantB)).toBe(start + 600n);
  });

  it("keeps tenants apart: one key on two tenants is two grants, each on its own balance", async () => {
    const [a0, b0] = [await balanceOf(tenantA), await balanceOf(tenantB)];
    const a = await json(await grant(tenantA, { amount: 7, reason: "shared key", idempotencyKey: "shared" }));
    const b = await json(await grant(tenantB, { amount: 7, reason: "shared key", idempotencyKey: "shared" }));
    expect([a.replayed, b.replayed]).toEqual(["false", "false"]);
    expect(a.body.id).not.toBe(b.body.id);
    expect([a.body.tenantId, b.body.tenantId]).toEqual([tenantA, tenantB]);
    expect([await balanceOf(tenantA), await balanceOf(tenantB)]).toEqual([a0 + 7n, b0 + 7n]);
  });

  it("answers 404 for an unknown tenant, and a key id is not a tenant id", async () => {
    const key = await s.db.prisma.apiKey.create({
      data: { tenantId: tenantA, name: "k", prefix: "tg_x", hash: "credits-hash" },
    });
    const before = await rowCounts(s.db);
    for (const id of ["no-such-tenant", key.id]) {
      const res = await json(await grant(id, { amount: 1, reason: "r", idempotencyKey: "nowhere" }));
      expect(res.status).toBe(404);
    }
    expect(await rowCounts(s.db)).toEqual(before);
  });

  it.each([
    [{ amount: 0, reason: "r", idempotencyKey: "k" }, ["amount"]],
    [{ amount: 1.5, reason: "", idempotencyKey: "" }, ["amount", "reason", "idempotencyKey"]],
    [{ amount: "10", reason: "r", idempotencyKey: "k", expiresAt: "2001-01-01T00:00:00Z" }, ["expiresAt"]],
    [{ amount: "-10", reason: "r", idempotencyKey: "k", expiresAt: "2031-01-01T00:00:00Z" }, ["expiresAt"]],
    [{ reason: "r", idempotencyKey: "x".repeat(129) }, ["amount", "idempotencyKey"]],
  ])("refuses %j with 422 naming each field, writing nothing", async (input, paths) => {
    const before = await rowCounts(s.db);
    const res = await json(await grant(tenantA, input));
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(paths);
    expect(await rowCounts(s.db)).toEqual(before);
  });
});
