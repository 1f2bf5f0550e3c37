// Racers on the limits beyond the balance: a HARD quota and the spending caps hold exactly under
// concurrent calls over real HTTP against real PostgreSQL (each call is judged again under the
// tenant's balance lock, counting what calls in flight already hold).
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { generateApiKey } from "@/lib/keys/api-key";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { createTenantWithKey } from "@/test/fixtures";
import { serveRoutes } from "@/test/serve-route";

const COST = 450n; // 1,000 input + 500 output tokens of gpt-4o-mini
const TOKENS = 1_500n;
const call = { model: "gpt-4o-mini", inputTokens: 1000, maxOutputTokens: 500 };

let db: TestDatabase;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  db = await createTestDatabase("limits_race");
  process.env.DATABASE_URL = db.url;
  process.env.TOLLGATE_PG_POOL = "20";
  server = await serveRoutes(["/api/v1/authorize", "/api/v1/usage"]);
});
afterAll(async () => {
  await server?.close();
  await (await import("@/lib/authorize/runtime")).decisionDeps().recorder.flush();
  const [{ pool }, { prisma }] = await Promise.all([import("@/lib/db/pool"), import("@/lib/db")]);
  await Promise.all([pool().end(), prisma.$disconnect()]);
  await db?.drop();
});

const post = (route: string, secret: string, body: unknown) =>
  fetch(`${server.url}${route}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${secret}` },
    body: JSON.stringify(body),
  });

async function race(secrets: string[], n: number, prefix: string) {
  const responses = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      post("/api/v1/authorize", secrets[i % secrets.length]!, { ...call, requestId: `${prefix}-${i}` }),
    ),
  );
  const bodies = await Promise.all(responses.map((r) => r.json()));
  return responses.map((r, i) => ({ status: r.status, body: bodies[i] }));
}

const codes = (answers: Array<{ status: number; body: { code?: string } }>) =>
  answers.reduce<Record<string, number>>(
    (acc, a) => ({
      ...acc,
      [a.status === 200 ? "allowed" : a.body.code!]:
        (acc[a.status === 200 ? "allowed" : a.body.code!] ?? 0) + 1,
    }),
    {},
  );

describe("limits under concurrent authorize calls", () => {
  it("a HARD quota worth 40 calls allows exactly 40 of 200, and settled usage replaces the held tokens", async () => {
    const { tenant, plan, secret } = await createTenantWithKey(db.prisma, {
      slug: "quota-race",
      available: 1_000_000_000n,
      planKey: "hard-quota",
    });
    await db.prisma.plan.update({
      where: { id: plan.id },
      data: { monthlyTokenQuota: TOKENS * 40n, quotaMode: "HARD" },
    });
    const answers = await race([secret], 200, "q");
    expect(codes(answers)).toEqual({ allowed: 40, quota_exceeded: 160 });
    const refusal = answers.find((a) => a.status === 402)!.body;
    expect(refusal).toMatchObject({ code: "quota_exceeded", limit: String(TOKENS * 40n), remaining: "0" });
    expect(await db.prisma.creditBalance.findUniqueOrThrow({ where: { tenantId: tenant.id } })).toMatchObject(
      { reserved: COST * 40n, reservedTokens: TOKENS * 40n },
    );

    // One call reports 1,000 + 200 tokens: its 1,500 held become 1,200 used, freeing 300.
    const allowed = answers.find((a) => a.status === 200)!.body;
    const settle = await post("/api/v1/usage", secret, {
      requestId: allowed.requestId,
      reservationId: allowed.reservation.id,
      model: "gpt-4o-mini",
      inputTokens: 1000,
      outputTokens: 200,
    });
    expect(settle.status).toBe(200);
    expect(await db.prisma.creditBalance.findUniqueOrThrow({ where: { tenantId: tenant.id } })).toMatchObject(
      { reserved: COST * 39n, reservedTokens: TOKENS * 39n },
    );
    expect((await post("/api/v1/authorize", secret, { ...call, requestId: "q-big" })).status).toBe(402);
    const small = await post("/api/v1/authorize", secret, {
      model: "gpt-4o-mini",
      inputTokens: 200,
      maxOutputTokens: 100,
      requestId: "q-small",
    });
    expect(small.status).toBe(200);
    expect((await small.json()).limits.quota).toMatchObject({
      limit: String(TOKENS * 40n),
      used: String(TOKENS * 39n + 1_200n),
    });
    expect(
      (
        await post("/api/v1/authorize", secret, {
          model: "gpt-4o-mini",
          inputTokens: 1,
          maxOutputTokens: 0,
          requestId: "q-one-more",
        })
      ).status,
    ).toBe(402);

    // Holds that expire give their tokens back with their credits.
    const { releaseExpiredReservations } = await import("@/lib/ledger/release-expired");
    const { pool } = await import("@/lib/db/pool");
    expect(await releaseExpiredReservations(pool(), new Date(Date.now() + 3_600_000))).toBe(40);
    expect(await db.prisma.creditBalance.findUniqueOrThrow({ where: { tenantId: tenant.id } })).toMatchObject(
      { reserved: 0n, reservedTokens: 0n },
    );
  });

  it("a SOFT quota lets every call through, warning once the held and used tokens pass it", async () => {
    const { plan, secret } = await createTenantWithKey(db.prisma, {
      slug: "soft-quota",
      available: 1_000_000_000n,
      planKey: "soft-quota",
    });
    await db.prisma.plan.update({
      where: { id: plan.id },
      data: { monthlyTokenQuota: TOKENS * 5n, quotaMode: "SOFT" },
    });
    const warned: boolean[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await post("/api/v1/authorize", secret, { ...call, requestId: `s-${i}` });
      expect(res.status).toBe(200);
      warned.push(
        (await res.json()).limits.warnings.some((w: { code: string }) => w.code === "quota_overage"),
      );
    }
    expect(warned).toEqual([false, false, false, false, false, true, true, true]);
  });

  it("the tenant's monthly spending cap worth 25 calls allows exactly 25 of 100", async () => {
    const { tenant, secret } = await createTenantWithKey(db.prisma, {
      slug: "month-cap",
      available: 1_000_000_000n,
    });
    await db.prisma.tenant.update({ where: { id: tenant.id }, data: { monthlySpendCap: COST * 25n } });
    const answers = await race([secret], 100, "m");
    expect(codes(answers)).toEqual({ allowed: 25, budget_exceeded: 75 });
    expect(answers.find((a) => a.status === 402)!.body).toMatchObject({
      scope: expect.any(String),
      limit: String(COST * 25n),
      remedy: { action: "contact_admin" },
    });
  });

  it("a key's daily cap worth 10 calls allows exactly 10 of 60, and the tenant's daily cap holds across two keys", async () => {
    const { tenant, apiKey, secret } = await createTenantWithKey(db.prisma, {
      slug: "key-cap",
      available: 1_000_000_000n,
    });
    await db.prisma.apiKey.update({ where: { id: apiKey.id }, data: { dailySpendCap: COST * 10n } });
    expect(codes(await race([secret], 60, "k"))).toEqual({ allowed: 10, budget_exceeded: 50 });

    const other = await createTenantWithKey(db.prisma, { slug: "day-cap", available: 1_000_000_000n });
    await db.prisma.tenant.update({ where: { id: other.tenant.id }, data: { dailySpendCap: COST * 15n } });
    const second = generateApiKey("test");
    await db.prisma.apiKey.create({
      data: {
        tenantId: other.tenant.id,
        name: "second",
        prefix: second.prefix,
        hash: second.hash,
        status: "ACTIVE",
        allowedModels: [],
      },
    });
    expect(codes(await race([other.secret, second.secret], 60, "d"))).toEqual({
      allowed: 15,
      budget_exceeded: 45,
    });
    expect(await db.prisma.reservation.count({ where: { tenantId: other.tenant.id, status: "HELD" } })).toBe(
      15,
    );
    expect(await db.prisma.reservation.count({ where: { tenantId: tenant.id, status: "HELD" } })).toBe(10);
  });
});
