import { createHash } from "node:crypto";
import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { MigrationError, migrate, migrationStatus } from "@/lib/db/migrate";
import { createTestDatabase, MIGRATIONS_DIR, type TestDatabase } from "@/lib/testing/db";

const dbs: TestDatabase[] = [];
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dbs.map((d) => d.drop()));
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function emptyDb(label: string) {
  const db = await createTestDatabase(label, { migrated: false });
  dbs.push(db);
  return db;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "tollgate-migrations-"));
  dirs.push(dir);
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

type Row = { id: string; checksum: string; migration_name: string; finished_at: Date | null; rolled_back_at: Date | null; applied_steps_count: number; logs: string | null };

describe("migrate", () => {
  it("applies every migration to a fresh database and records it as Prisma does", async () => {
    const db = await emptyDb("mig_fresh");
    const { applied } = await migrate({ connectionString: db.url, migrationsDir: MIGRATIONS_DIR });
    const [init] = applied;
    expect(init).toMatch(/^\d{14}_init$/);

    const rows = await query<Row>(db.url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(applied);
    const sql = await readFile(path.join(MIGRATIONS_DIR, init!, "migration.sql"));
    expect(rows[0]).toMatchObject({
      checksum: createHash("sha256").update(sql).digest("hex"),
      applied_steps_count: 1,
      rolled_back_at: null,
      logs: null,
    });
    expect(rows[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(rows[0]!.finished_at).toBeInstanceOf(Date);

    const tables = await query<{ t: string }>(db.url, `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(tables.map((t) => t.t)).toEqual(expect.arrayContaining(["Tenant", "CreditBalance", "CreditLedgerEntry", "Decision", "AuditLog", "_prisma_migrations"]));
    expect(await migrationStatus({ connectionString: db.url, migrationsDir: MIGRATIONS_DIR })).toMatchObject({ pending: [], modified: [] });
  });

  it("does nothing when run again", async () => {
    const db = await emptyDb("mig_rerun");
    await migrate({ connectionString: db.url, migrationsDir: MIGRATIONS_DIR });
    const before = await query<Row>(db.url, `SELECT * FROM "_prisma_migrations"`);
    expect((await migrate({ connectionString: db.url, migrationsDir: MIGRATIONS_DIR })).applied).toEqual([]);
    expect(await query<Row>(db.url, `SELECT * FROM "_prisma_migrations"`)).toEqual(before);
  });

  it("applies once when several runners start at the same moment", async () => {
    const db = await emptyDb("mig_race");
    const results = await Promise.all(Array.from({ length: 4 }, () => migrate({ connectionString: db.url, migrationsDir: MIGRATIONS_DIR })));
    const appliedCounts = results.map((r) => r.applied.length).sort();
    expect(appliedCounts).toEqual([0, 0, 0, results.flatMap((r) => r.applied).length]);
    const rows = await query<{ n: string }>(db.url, `SELECT count(*)::text AS n FROM "_prisma_migrations"`);
    expect(Number(rows[0]!.n)).toBe(results.flatMap((r) => r.applied).length);
  });

  it("applies a new migration on top of applied ones", async () => {
    const db = await emptyDb("mig_next");
    const dir = await copyOfMigrations();
    await migrate({ connectionString: db.url, migrationsDir: dir });
    await mkdir(path.join(dir, "29991231000000_add_note"));
    await writeFile(path.join(dir, "29991231000000_add_note", "migration.sql"), `ALTER TABLE "Tenant" ADD COLUMN "note" TEXT;`);
    expect(await migrationStatus({ connectionString: db.url, migrationsDir: dir })).toMatchObject({ pending: ["29991231000000_add_note"] });
    expect((await migrate({ connectionString: db.url, migrationsDir: dir })).applied).toEqual(["29991231000000_add_note"]);
    const cols = await query<{ c: string }>(db.url, `SELECT column_name AS c FROM information_schema.columns WHERE table_name = 'Tenant' AND column_name = 'note'`);
    expect(cols).toHaveLength(1);
  });

  it("refuses to start when an applied migration was edited, naming it, and applies nothing", async () => {
    const db = await emptyDb("mig_edit");
    const dir = await copyOfMigrations();
    const { applied: [init] } = await migrate({ connectionString: db.url, migrationsDir: dir });
    await writeFile(path.join(dir, init!, "migration.sql"), `${await readFile(path.join(dir, init!, "migration.sql"), "utf8")}\n-- edited\n`);
    await mkdir(path.join(dir, "29991231000000_later"));
    await writeFile(path.join(dir, "29991231000000_later", "migration.sql"), `CREATE TABLE "later" (id int);`);

    const run = migrate({ connectionString: db.url, migrationsDir: dir });
    await expect(run).rejects.toThrow(MigrationError);
    await expect(migrate({ connectionString: db.url, migrationsDir: dir })).rejects.toThrow(new RegExp(`migration ${init} was changed after it was applied`));
    expect(await query(db.url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'later'`)).toHaveLength(0);
    expect(await migrationStatus({ connectionString: db.url, migrationsDir: dir })).toMatchObject({ modified: [init] });
  });

  it("rolls back a failing migration completely and says which one", async () => {
    const db = await emptyDb("mig_fail");
    const dir = await copyOfMigrations();
    await migrate({ connectionString: db.url, migrationsDir: dir });
    await mkdir(path.join(dir, "29991231000000_broken"));
    await writeFile(path.join(dir, "29991231000000_broken", "migration.sql"), `CREATE TABLE "half" (id int);\nSELECT no_such_function();`);
    await expect(migrate({ connectionString: db.url, migrationsDir: dir })).rejects.toThrow(/migration 29991231000000_broken failed and was rolled back/);
    expect(await query(db.url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'half'`)).toHaveLength(0);
    expect(await query(db.url, `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29991231000000_broken'`)).toHaveLength(0);
  });
});
