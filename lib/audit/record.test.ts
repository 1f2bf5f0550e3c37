import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { auditJson, recordAudit, type AuditActor } from "@/lib/audit/record";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { createTenantWithKey } from "@/test/fixtures";

const actor: AuditActor = { kind: "ADMIN_TOKEN", id: null, ip: "203.0.113.9" };

describe("auditJson", () => {
  it("writes BigInt as decimal strings and Dates as ISO 8601, at any depth", () => {
    expect(
      auditJson({
        available: 9_007_199_254_740_993n,
        at: new Date("2026-03-29T01:00:00Z"),
        list: [1n, null],
        nested: { cap: null },
      }),
    ).toEqual({
      available: "9007199254740993",
      at: "2026-03-29T01:00:00.000Z",
      list: ["1", null],
      nested: { cap: null },
    });
  });
  it("leaves the column empty for null or undefined", () => {
    expect([auditJson(null), auditJson(undefined)]).toEqual([undefined, undefined]);
  });
});

describe("recordAudit", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("audit_record");
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("writes one row with the actor, target and before/after", async () => {
    const { tenant } = await createTenantWithKey(db.prisma, { slug: "audited", available: 0n });
    await db.prisma.$transaction((tx) =>
      recordAudit(tx, actor, {
        action: "tenant.update",
        tenantId: tenant.id,
        targetType: "Tenant",
        targetId: tenant.id,
        before: { dailySpendCap: null },
        after: { dailySpendCap: 5n },
      }),
    );
    expect(await db.prisma.auditLog.findFirstOrThrow({ where: { tenantId: tenant.id } })).toMatchObject({
      actorKind: "ADMIN_TOKEN",
      actorId: null,
      ip: "203.0.113.9",
      action: "tenant.update",
      targetType: "Tenant",
      targetId: tenant.id,
      before: { dailySpendCap: null },
      after: { dailySpendCap: "5" },
      causeId: null,
    });
  });

  it("rolls back with the change it belongs to", async () => {
    const { tenant } = await createTenantWithKey(db.prisma, { slug: "rolled-back", available: 0n });
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.tenant.update({ where: { id: tenant.id }, data: { status: "SUSPENDED" } });
        await recordAudit(tx, actor, {
          action: "tenant.update",
          tenantId: tenant.id,
          targetType: "Tenant",
          targetId: tenant.id,
        });
        throw new Error("the change fails after its audit row");
      }),
    ).rejects.toThrow("the change fails");
    expect(await db.prisma.auditLog.count({ where: { tenantId: tenant.id } })).toBe(0);
    expect((await db.prisma.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).status).toBe("ACTIVE");
  });
});
