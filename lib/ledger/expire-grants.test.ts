// Grants are spent in order by charges and taken back when they expire — exactly once, never
// below zero — against real PostgreSQL.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createPool } from "@/lib/db/pool";
import { expireGrants } from "@/lib/ledger/expire-grants";
import { grantCredits } from "@/lib/ledger/grant-credits";
import { reserveCredits } from "@/lib/ledger/reserve-credits";
import { ingestUsage } from "@/lib/usage/ingest-usage";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { createTenantWithKey } from "@/test/fixtures";

const admin = { kind: "SYSTEM" as const, id: null, ip: null };
const now = new Date("2026-11-25T12:00:00Z");
const inDays = (d: number) => new Date(now.getTime() + d * 86_400_000);

describe("credit grants", () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    db = await createTestDatabase("grants");
    pool = createPool(db.url, 8);
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  async function tenantWithGrants(slug: string, grants: Array<{ amount: bigint; expiresAt: Date | null }>) {
    const t = await createTenantWithKey(db.prisma, { slug, available: 0n });
    const ids: string[] = [];
    for (const [i, g] of grants.entries()) {
      const r = await grantCredits(
        db.prisma,
        admin,
        {
          tenantId: t.tenant.id,
          amount: g.amount,
          reason: `grant ${i}`,
          idempotencyKey: `${slug}-${i}`,
          expiresAt: g.expiresAt,
        },
        now,
      );
      if (r.outcome !== "granted") throw new Error(r.outcome);
      ids.push(r.grant!.id);
    }
    return { ...t, grantIds: ids };
  }
  const remaining = async (ids: string[]) =>
    (await Promise.all(ids.map((id) => db.prisma.creditGrant.findUniqueOrThrow({ where: { id } })))).map(
      (g) => g.remaining,
    );
  async function ledgerEqualsBalance(tenantId: string) {
    const [b, sum] = await Promise.all([
      db.prisma.creditBalance.findUniqueOrThrow({ where: { tenantId } }),
      db.prisma.creditLedgerEntry.aggregate({ where: { tenantId }, _sum: { amount: true } }),
    ]);
    expect(sum._sum.amount ?? 0n).toBe(b.available);
    return b;
  }
  // 10,000 input tokens of gpt-4o-mini cost 1,500 µUSD.
  const charge = (
    t: { tenant: { id: string; timeZone: string }; apiKey: { id: string } },
    requestId: string,
    inputTokens = 10_000,
  ) =>
    ingestUsage(
      { prisma: db.prisma, pool },
      { tenantId: t.tenant.id, apiKeyId: t.apiKey.id, timeZone: t.tenant.timeZone },
      [{ requestId, model: "gpt-4o-mini", inputTokens, outputTokens: 0, occurredAt: now.toISOString() }],
      now,
    );

  it("spends the soonest-expiring grant first, never-expiring ones last", async () => {
    const t = await tenantWithGrants("order", [
      { amount: 1_000n, expiresAt: null },
      { amount: 1_000n, expiresAt: inDays(30) },
      { amount: 1_000n, expiresAt: inDays(2) },
    ]);
    await charge(t, "c-1");
    expect(await remaining(t.grantIds)).toEqual([1_000n, 500n, 0n]);
    await charge(t, "c-2");
    expect(await remaining(t.grantIds)).toEqual([0n, 0n, 0n]);
    expect((await ledgerEqualsBalance(t.tenant.id)).available).toBe(0n);
  });

  it("spends grants on an admin deduction too", async () => {
    const t = await tenantWithGrants("deduct", [
      { amount: 1_000n, expiresAt: inDays(1) },
      { amount: 1_000n, expiresAt: null },
    ]);
    const r = await grantCredits(
      db.prisma,
      admin,
      {
        tenantId: t.tenant.id,
        amount: -1_200n,
        reason: "correction",
        idempotencyKey: "deduct-x",
        expiresAt: null,
      },
      now,
    );
    expect(r.outcome).toBe("granted");
    expect(await remaining(t.grantIds)).toEqual([0n, 800n]);
  });

  it("takes back what is left of an expired grant once, however often and concurrently expiry runs", async () => {
    const t = await tenantWithGrants("expire", [
      { amount: 2_000n, expiresAt: inDays(1) },
      { amount: 1_000n, expiresAt: null },
    ]);
    await charge(t, "e-1"); // 1,500 from the expiring grant: 500 of it is left
    expect(
      (await db.prisma.creditBalance.findUniqueOrThrow({ where: { tenantId: t.tenant.id } })).available,
    ).toBe(1_500n);
    expect(await expireGrants(pool, now)).toBe(0); // not yet due
    await Promise.all(Array.from({ length: 5 }, () => expireGrants(pool, inDays(1))));
    expect(await expireGrants(pool, inDays(1))).toBe(0);
    expect(await remaining(t.grantIds)).toEqual([0n, 1_000n]);
    const balance = await ledgerEqualsBalance(t.tenant.id);
    expect(balance.available).toBe(1_000n);
    const expiry = await db.prisma.creditLedgerEntry.findMany({
      where: { tenantId: t.tenant.id, kind: "EXPIRE" },
    });
    expect(expiry.map((e) => [e.amount, e.grantId])).toEqual([[-500n, t.grantIds[0]]]);
    // An expired grant is not spent any more: the next charge comes from the live grant.
    await charge(t, "e-2", 2_000);
    expect(await remaining(t.grantIds)).toEqual([0n, 700n]);
  });

  it("does not claw back credits already held for calls in flight, so the balance never goes below zero", async () => {
    const t = await tenantWithGrants("held", [{ amount: 1_000n, expiresAt: inDays(1) }]);
    const held = await reserveCredits(pool, {
      tenantId: t.tenant.id,
      apiKeyId: t.apiKey.id,
      requestId: "in-flight",
      model: "gpt-4o-mini",
      amount: 800n,
      now,
      expiresAt: inDays(3),
    });
    expect(held.outcome).toBe("reserved");
    await expireGrants(pool, inDays(2));
    const balance = await ledgerEqualsBalance(t.tenant.id);
    expect(balance).toMatchObject({ available: 0n, reserved: 800n });
    expect(await remaining(t.grantIds)).toEqual([0n]);
  });
});
