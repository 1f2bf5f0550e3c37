import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { checkHealth } from "@/lib/health/check";
import { createTestDatabase, MIGRATIONS_DIR, type TestDatabase } from "@/test/db";

describe("checkHealth", () => {
  let db: TestDatabase;
  let root: string;
  beforeAll(async () => {
    db = await createTestDatabase("health");
    root = await mkdtemp(path.join(tmpdir(), "tollgate-health-"));
    await cp(MIGRATIONS_DIR, path.join(root, "prisma", "migrations"), { recursive: true });
  });
  afterAll(async () => {
    await db?.drop();
    await rm(root, { recursive: true, force: true });
  });

  it("is ok when the database answers and migrations are current", async () => {
    expect(await checkHealth({ connectionString: db.url, root: process.cwd(), version: "1.2.3" })).toEqual({
      httpStatus: 200,
      body: { status: "ok", db: "ok", migrations: "current", version: "1.2.3" },
    });
  });

  it("names pending migrations with 503", async () => {
    await mkdir(path.join(root, "prisma", "migrations", "29991231000000_next"), { recursive: true });
    await writeFile(
      path.join(root, "prisma", "migrations", "29991231000000_next", "migration.sql"),
      "SELECT 1;",
    );
    expect(await checkHealth({ connectionString: db.url, root, version: "x" })).toMatchObject({
      httpStatus: 503,
      body: { status: "unavailable", db: "ok", migrations: "pending", pending: ["29991231000000_next"] },
    });
  });

  it("says the database is unreachable with 503, without leaking connection details", async () => {
    const result = await checkHealth({
      connectionString: "postgresql://postgres:secret@127.0.0.1:1/nope",
      root: process.cwd(),
      version: "x",
    });
    expect(result).toMatchObject({ httpStatus: 503, body: { db: "unreachable", migrations: "unknown" } });
    expect(JSON.stringify(result)).not.toContain("secret");
  });

  it("blames a broken migrations folder on the build, not the database", async () => {
    await mkdir(path.join(root, "prisma", "migrations", "29991231000001_empty"), { recursive: true });
    expect(await checkHealth({ connectionString: db.url, root, version: "x" })).toMatchObject({
      httpStatus: 503,
      body: { db: "ok", migrations: "modified" },
    });
  });
});
