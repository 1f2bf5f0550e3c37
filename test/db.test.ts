import { describe, expect, inject, it } from "vitest";

import { dropForgottenDatabases } from "@/test/created-databases";
import { createTestDatabase } from "@/test/db";
import { withClient } from "@/test/pg-admin";

const exists = (name: string) =>
  withClient(
    inject("testDatabaseServer"),
    async (c) => (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1,
  );

describe("createTestDatabase", () => {
  it("creates a migrated database that drop() removes, twice without error", async () => {
    const db = await createTestDatabase("helper");
    expect(db.name.startsWith(`${inject("testDatabasePrefix")}helper_`)).toBe(true);
    expect(await db.prisma.tenant.count()).toBe(0);
    expect(await exists(db.name)).toBe(true);
    await db.drop();
    await db.drop();
    expect(await exists(db.name)).toBe(false);
  });

  it("leaves an empty database when asked, and keeps names unique and within 63 bytes", async () => {
    const label = "a very long label that would not fit in a postgres identifier at all";
    const [a, b] = await Promise.all([
      createTestDatabase(label, { migrated: false }),
      createTestDatabase(label, { migrated: false }),
    ]);
    expect(a!.name).not.toBe(b!.name);
    expect(Buffer.byteLength(a!.name)).toBeLessThanOrEqual(63);
    expect(await exists(a!.name)).toBe(true); // an over-long name would have been truncated by the server
    const tables = await a!.prisma.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'`;
    expect(tables[0]!.n).toBe(0n);
    await Promise.all([a!.drop(), b!.drop()]);
  });

  it("drops databases a test forgot (what the per-file setup runs afterwards)", async () => {
    const db = await createTestDatabase("forgotten");
    await db.prisma.tenant.count(); // an open pool must not stop the drop
    expect(await dropForgottenDatabases()).toEqual([db.name]);
    expect(await exists(db.name)).toBe(false);
  });
});
