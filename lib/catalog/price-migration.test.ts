// The model_price_versions migration on a database that already has priced models: each model's
// prices become one version in force since the epoch, so everything is priced as before.
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

import { migrate } from "@/lib/schema/migrate";
import { createTestDatabase, MIGRATIONS_DIR } from "@/test/db";

const MIGRATION = "20261206055722_model_price_versions";
let dir: string | undefined;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe(`migration ${MIGRATION}`, () => {
  it("moves every model's prices into a version in force since the epoch, then drops the old columns", async () => {
    const db = await createTestDatabase("price_migration", { migrated: false });
    // The migrations before this one, as a database deployed before it has them.
    dir = await mkdtemp(path.join(tmpdir(), "tollgate-migrations-"));
    for (const name of await readdir(MIGRATIONS_DIR))
      if (name < MIGRATION)
        await cp(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
    await migrate({ connectionString: db.url, migrationsDir: dir });

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO "Model" (id, provider, "displayName", "inputPrice", "outputPrice", active, "createdAt", "updatedAt")
         VALUES ('gpt-4o', 'openai', 'GPT-4o', 2500000, 10000000, true, '2026-01-02 03:04:05', now()),
                ('old-model', 'acme', 'Old', 9007199254740993, 0, false, '2025-06-01 00:00:00', now())`,
      );
      const { applied } = await migrate({ connectionString: db.url, migrationsDir: MIGRATIONS_DIR });
      expect(applied).toContain(MIGRATION);

      const { rows } = await client.query(
        `SELECT "modelId", "effectiveFrom" = 'epoch' AS epoch, "inputPrice"::text, "outputPrice"::text, "cachedInputPrice"::text,
                "requestPrice", "createdAt", "createdBy" FROM "ModelPrice" ORDER BY "modelId"`,
      );
      expect(rows).toEqual([
        {
          modelId: "gpt-4o",
          epoch: true,
          inputPrice: "2500000",
          outputPrice: "10000000",
          cachedInputPrice: "2500000",
          requestPrice: null,
          createdAt: expect.any(Date),
          createdBy: "SYSTEM",
        },
        {
          modelId: "old-model",
          epoch: true,
          inputPrice: "9007199254740993",
          outputPrice: "0",
          cachedInputPrice: "9007199254740993",
          requestPrice: null,
          createdAt: expect.any(Date),
          createdBy: "SYSTEM",
        },
      ]);
      const { rows: columns } = await client.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'Model' ORDER BY column_name`,
      );
      expect(columns.map((c) => c.column_name)).toEqual([
        "active",
        "contextWindow",
        "createdAt",
        "displayName",
        "id",
        "maxOutputTokens",
        "provider",
        "updatedAt",
      ]);
      // Kept forever: a model with versions cannot be deleted.
      await expect(client.query(`DELETE FROM "Model" WHERE id = 'gpt-4o'`)).rejects.toThrow(/foreign key/);
    } finally {
      await client.end();
      await db.drop();
    }
  });
});
