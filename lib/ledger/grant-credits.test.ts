import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { AuditActor } from "@/lib/audit/record";
import { createPool } from "@/lib/db/pool";
import { grantCredits, type GrantInput } from "@/lib/ledger/grant-credits";
import { reserveCredits } from "@/lib/ledger/reserve-credits";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { createTenantWithKey } from "@/test/fixtures";

const actor: AuditActor = { kind: "ADMIN_TOKEN", id: null, ip: null };
let db: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  db = await createTestDatabase("grant_credits");
  pool = createPool(db.url, 10);
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

const grant = (tenantId: string, extra: Partial<GrantInput> = {}) =>
  grantCredits(db.prisma, actor, {
    tenantId,
    amount: 5_000_000n,
    reason: "welcome",
    idempotencyKey: "welcome-1",
    expiresAt: null,
    ...extra,
  });

/** available = the sum of the ledger (reservations are in it as negative entries; these tenants start at 0). */
async function ledgerInvariant(tenantId: string) {
  const [balance, ledger] = await Promise.all([
    db.prisma.creditBalance.findUniqueOrThrow({ where: { tenantId } }),
    db.prisma.creditLedgerEntry.aggregate({ where: { tenantId }, _sum: { amount: true } }),
  ]);
  expect(ledger._sum.amount ?? 0n).toBe(balance.available);
  return balance;
}

describe("grantCredits", () => {
  it("writes the entry, the balance, the grant and the audit row together", async () => {
    const { tenant } = await createTenantWithKey(db.prisma, { slug: "grant-one", available: 0n });
    const expiresAt = new Date("2030-01-01T00:00:00Z");
    const result = await grant(tenant.id, { expiresAt });
    expect(result.outcome).toBe("granted");
    if (result.outcome !== "granted") return;
    expect(result.entry).toMatchObject({
      kind: "GRANT",
      amount: 5_000_000n,
      balanceAfter: 5_000_000n,
      reason: "welcome",
      idempotencyKey: "grant:welcome-1",
      actorKind: "ADMIN_TOKEN",
    });
    expect(result.grant).toMatchObject({
      tenantId: tenant.id,
      amount: 5_000_000n,
      remaining: 5_000_000n,
      source: "ADMIN",
      expiresAt,
    });
    expect(result.entry.grantId).toBe(result.grant!.id);
    expect((await ledgerInvariant(tenant.id)).available).toBe(5_000_000n);
    expect(await db.prisma.auditLog.findFirstOrThrow({ where: { tenantId: tenant.id } })).toMatchObject({
      action: "credits.grant",
      targetType: "CreditLedgerEntry",
      targetId: result.entry.id.toString(),
      before: { available: "0" },
      after: {
        available: "5000000",
        amount: "5000000",
        grantId: result.grant!.id,
        expiresAt: "2030-01-01T00:00:00.000Z",
      },
    });
  });

  it("grants once when the same key arrives 10 times at once, and answers each with the first result", async () => {
    const { tenant } = await createTenantWithKey(db.prisma, { slug: "grant-race", available: 0n });
    const results = await Promise.all(Array.from({ length: 10 }, () => grant(tenant.id)));
    expect(results.filter((r) => r.outcome === "granted")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "replayed")).toHaveLength(9);
    const entries = new Set(results.map((r) => ("entry" in r ? r.entry.id : null)));
    expect(entries.size).toBe(1);
    expect(await db.prisma.creditGrant.count({ where: { tenantId: tenant.id } })).toBe(1);
    expect(await db.prisma.auditLog.count({ where: { tenantId: tenant.id } })).toBe(1);
    expect((await ledgerInvariant(tenant.id)).available).toBe(5_000_000n);
  });

  it("refuses a reused key with a different amount, changing nothing", async () => {
    const { tenant } = await createTenantWithKey(db.prisma, { slug: "grant-reuse", available: 0n });
    await grant(tenant.id);
    const again = await grant(tenant.id, { amount: 7n });
    expect(again.outcome).toBe("key_reused");
    expect((await ledgerInvariant(tenant.id)).available).toBe(5_000_000n);
  });

  it("deducts with an ADJUSTMENT and no grant row, but never below zero", async () => {
    const { tenant } = await createTenantWithKey(db.prisma, { slug: "grant-deduct", available: 0n });
    await grant(tenant.id, { amount: 1_000n, idempotencyKey: "in" });
    const deducted = await grant(tenant.id, {
      amount: -600n,
      idempotencyKey: "out",
      reason: "refund reversal",
    });
    expect(deducted).toMatchObject({
      outcome: "granted",
      grant: null,
      entry: { kind: "ADJUSTMENT", amount: -600n, balanceAfter: 400n, grantId: null },
    });
    expect(await grant(tenant.id, { amount: -401n, idempotencyKey: "too-much" })).toEqual({
      outcome: "insufficient",
      available: 400n,
    });
    expect(await db.prisma.creditLedgerEntry.count({ where: { tenantId: tenant.id } })).toBe(2);
    expect(
      await db.prisma.auditLog.findMany({
        where: { tenantId: tenant.id },
        select: { action: true },
        orderBy: { id: "asc" },
      }),
    ).toEqual([{ action: "credits.grant" }, { action: "credits.adjust" }]);
    // A repeat of the deduction is answered from its entry, though the balance could not pay it again.
    expect(
      (await grant(tenant.id, { amount: -600n, idempotencyKey: "out", reason: "refund reversal" })).outcome,
    ).toBe("replayed");
    expect((await ledgerInvariant(tenant.id)).available).toBe(400n);
  });

  it("reports an unknown tenant", async () => {
    expect(await grant("no-such-tenant")).toEqual({ outcome: "tenant_not_found" });
  });

  it("keeps the ledger equal to the balance while grants race reservations on the hot path", async () => {
    const { tenant, apiKey } = await createTenantWithKey(db.prisma, { slug: "grant-mixed", available: 0n });
    const now = new Date();
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) =>
        grant(tenant.id, { amount: 1_000n, idempotencyKey: `g-${i % 10}` }),
      ),
      ...Array.from({ length: 40 }, (_, i) =>
        reserveCredits(pool, {
          tenantId: tenant.id,
          apiKeyId: apiKey.id,
          requestId: `r-${i}`,
          model: "m",
          amount: 300n,
          now,
          expiresAt: new Date(now.getTime() + 60_000),
        }),
      ),
    ]);
    const balance = await ledgerInvariant(tenant.id);
    expect(balance.available + balance.reserved).toBe(10_000n);
    expect(balance.available).toBeGreaterThanOrEqual(0n);
    const { _min } = await db.prisma.creditLedgerEntry.aggregate({
      where: { tenantId: tenant.id },
      _min: { balanceAfter: true },
    });
    expect(_min.balanceAfter).toBeGreaterThanOrEqual(0n);
  });
});
