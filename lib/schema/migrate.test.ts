import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

import { inTransaction } from "@/lib/db/transaction";
import { enqueueNotification } from "@/lib/jobs/enqueue";
import { QUEUES } from "@/lib/jobs/queues";
import { migrate, MIGRATION_LOCK_KEY, MigrationError, migrationStatus } from "@/lib/schema/migrate";
import { readMigrationFiles } from "@/lib/schema/migration-files";
import { createTestDatabase, MIGRATIONS_DIR } from "@/test/db";

const LATER = "29991231000000_later";

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

// Databases are dropped after the file by test/setup-databases.ts.
const emptyDb = (label: string) => createTestDatabase(label, { migrated: false });

async function query<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, values)).rows;
  } finally {
    await c.end();
  }
}

const tableExists = async (url: string, table: string) =>
  (
    await query(
      url,
      `SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name = $1`,
      [table],
    )
  ).length === 1;

async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "tollgate-migrations-"));
  dirs.push(dir);
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

async function addMigration(dir: string, name: string, sql: string): Promise<void> {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, "migration.sql"), sql);
}

type Row = {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: Date | null;
  started_at: Date;
  rolled_back_at: Date | null;
  applied_steps_count: number;
  logs: string | null;
};
const rowsOf = (url: string) => query<Row>(url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);

describe("migrate", () => {
  it("applies every migration to a fresh database and records it as Prisma does", async () => {
    const db = await emptyDb("mig_fresh");
    const files = await readMigrationFiles(MIGRATIONS_DIR);
    expect(files.length).toBeGreaterThan(0);
    expect(await migrationStatus({ connectionString: db.url, migrationsDir: MIGRATIONS_DIR })).toMatchObject({
      applied: [],
      pending: files.map((f) => f.name),
    });
    expect(await tableExists(db.url, "_prisma_migrations")).toBe(false); // status only reads

    const { applied } = await migrate({ connectionString: db.url, migrationsDir: MIGRATIONS_DIR });
    expect(applied).toEqual(files.map((f) => f.name));

    const rows = await rowsOf(db.url);
    expect(rows.map((r) => r.migration_name)).toEqual(applied);
    for (const row of rows) {
      const bytes = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row).toMatchObject({
        checksum: createHash("sha256").update(bytes).digest("hex"),
        applied_steps_count: 1,
        rolled_back_at: null,
        logs: null,
      });
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
    }

    // Every table the migrations create, read from the SQL itself rather than listed by hand.
    const created = files.flatMap((f) => [...f.sql.matchAll(/CREATE TABLE "([^"]+)"/g)].map((m) => m[1]!));
    expect(created.length).toBeGreaterThan(10);
    const tables = await query<{ t: string }>(
      db.url,
      `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    expect(tables.map((t) => t.t).sort()).toEqual([...created, "_prisma_migrations"].sort());
    expect(await migrationStatus({ connectionString: db.url, migrationsDir: MIGRATIONS_DIR })).toMatchObject({
      pending: [],
      modified: [],
      applied,
    });
  });

  it("does nothing when run again", async () => {
    const db = await emptyDb("mig_rerun");
    await migrate({ connectionString: db.url, migrationsDir: MIGRATIONS_DIR });
    const before = await rowsOf(db.url);
    expect((await migrate({ connectionString: db.url, migrationsDir: MIGRATIONS_DIR })).applied).toEqual([]);
    expect(await rowsOf(db.url)).toEqual(before);
  });

  it("installs the job queues with the tables, so the first write that crosses an alert can enqueue", async () => {
    const db = await emptyDb("mig_queues");
    await migrate({ connectionString: db.url, migrationsDir: MIGRATIONS_DIR });
    const queues = await query<{ name: string }>(db.url, `SELECT name FROM pgboss.queue ORDER BY name`);
    expect(queues.map((q) => q.name)).toEqual(expect.arrayContaining(Object.values(QUEUES)));
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      await inTransaction(c, (tx) => enqueueNotification(tx, { deliveryId: "dlv_first", firstAttempt: 1 }));
    } finally {
      await c.end();
    }
    const jobs = await query(
      db.url,
      `SELECT 1 FROM pgboss.job WHERE name = $1 AND data->>'deliveryId' = $2`,
      [QUEUES.notify, "dlv_first"],
    );
    expect(jobs).toHaveLength(1);
  });

  it("applies once when several runners start at the same moment", async () => {
    const db = await emptyDb("mig_race");
    const names = (await readMigrationFiles(MIGRATIONS_DIR)).map((f) => f.name);
    // Each runner opens its own connection; all of them must succeed.
    const results = await Promise.all(
      Array.from({ length: 4 }, () => migrate({ connectionString: db.url, migrationsDir: MIGRATIONS_DIR })),
    );
    expect(results.map((r) => r.applied.length).sort((a, b) => a - b)).toEqual([0, 0, 0, names.length]);
    expect((await rowsOf(db.url)).map((r) => r.migration_name)).toEqual(names);
  });

  it("waits while another session holds the migration lock", async () => {
    const db = await emptyDb("mig_lock");
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      const lines: string[] = [];
      const run = migrate({
        connectionString: db.url,
        migrationsDir: MIGRATIONS_DIR,
        log: (l) => lines.push(l),
      });
      await new Promise((r) => setTimeout(r, 500));
      expect(await tableExists(db.url, "_prisma_migrations")).toBe(false);
      expect(lines).toEqual(["Another process is applying migrations; waiting for it …"]);
      await holder.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
      expect((await run).applied.length).toBeGreaterThan(0);
    } finally {
      await holder.end();
    }
  });

  it("applies a new migration on top of applied ones", async () => {
    const db = await emptyDb("mig_next");
    const dir = await copyOfMigrations();
    await migrate({ connectionString: db.url, migrationsDir: dir });
    await addMigration(dir, "29991231000000_add_note", `ALTER TABLE "Tenant" ADD COLUMN "note" TEXT;`);
    expect(await migrationStatus({ connectionString: db.url, migrationsDir: dir })).toMatchObject({
      pending: ["29991231000000_add_note"],
    });
    expect((await migrate({ connectionString: db.url, migrationsDir: dir })).applied).toEqual([
      "29991231000000_add_note",
    ]);
    const cols = await query(
      db.url,
      `SELECT 1 FROM information_schema.columns WHERE table_name = 'Tenant' AND column_name = 'note'`,
    );
    expect(cols).toHaveLength(1);
    expect((await rowsOf(db.url)).at(-1)).toMatchObject({
      migration_name: "29991231000000_add_note",
      applied_steps_count: 1,
    });
  });

  it("accepts an applied migration whose line endings git changed, as Prisma does", async () => {
    const db = await emptyDb("mig_crlf");
    const dir = await copyOfMigrations();
    const {
      applied: [init],
    } = await migrate({ connectionString: db.url, migrationsDir: dir });
    const file = path.join(dir, init!, "migration.sql");
    await writeFile(file, (await readFile(file, "utf8")).replaceAll("\n", "\r\n"));
    expect(await migrationStatus({ connectionString: db.url, migrationsDir: dir })).toMatchObject({
      modified: [],
      pending: [],
    });
    expect((await migrate({ connectionString: db.url, migrationsDir: dir })).applied).toEqual([]);
  });

  it("rolls back a failing migration completely and says which one", async () => {
    const db = await emptyDb("mig_fail");
    const dir = await copyOfMigrations();
    await migrate({ connectionString: db.url, migrationsDir: dir });
    await addMigration(
      dir,
      "29991231000000_broken",
      `CREATE TABLE "half" (id int);\nSELECT no_such_function();`,
    );
    await expect(migrate({ connectionString: db.url, migrationsDir: dir })).rejects.toThrow(
      /migration 29991231000000_broken failed and was rolled back: .*no_such_function/,
    );
    expect(await tableExists(db.url, "half")).toBe(false);
    expect((await rowsOf(db.url)).map((r) => r.migration_name)).not.toContain("29991231000000_broken");
  });
});

// Each case breaks the history of a migrated database in one way; the runner must refuse, name the
// culprit, and apply nothing — not even a valid later migration waiting behind it.
const broken: {
  case: string;
  breakIt: (dir: string, init: string, url: string) => Promise<void>;
  error: (init: string) => RegExp;
  status?: (init: string) => object;
}[] = [
  {
    case: "an applied migration was edited",
    breakIt: async (dir, init) =>
      writeFile(
        path.join(dir, init, "migration.sql"),
        `${await readFile(path.join(dir, init, "migration.sql"), "utf8")}\n-- edited\n`,
      ),
    error: (init) => new RegExp(`migration ${init} was changed after it was applied`),
    status: (init) => ({ modified: [init] }),
  },
  {
    case: "an applied migration is missing on disk",
    breakIt: (dir, init) => rm(path.join(dir, init), { recursive: true }),
    error: (init) =>
      new RegExp(`migration ${init} is recorded as applied but is not in the migrations folder`),
    status: (init) => ({ missing: [init] }),
  },
  {
    case: "a migration failed earlier and was not rolled back",
    breakIt: async (_dir, _init, url) => {
      await query(
        url,
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, applied_steps_count) VALUES ('00000000-0000-4000-8000-000000000000', $1, '29991230000000_half_done', 0)`,
        ["0".repeat(64)],
      );
    },
    error: () => /migration 29991230000000_half_done failed earlier and was not rolled back/,
    status: () => ({ failed: ["29991230000000_half_done"] }),
  },
  {
    case: "a migration folder has no migration.sql",
    breakIt: (dir) => mkdir(path.join(dir, "29991230000000_empty")),
    error: () => /migration 29991230000000_empty has no readable migration.sql/,
  },
];

describe.each(broken)("migrate refuses when $case", ({ breakIt, error, status }) => {
  it("names the migration and applies nothing", async () => {
    const db = await emptyDb("mig_broken");
    const dir = await copyOfMigrations();
    const {
      applied: [init],
    } = await migrate({ connectionString: db.url, migrationsDir: dir });
    await breakIt(dir, init!, db.url);
    await addMigration(dir, LATER, `CREATE TABLE "later" (id int);`);
    const rowsBefore = await rowsOf(db.url);

    const run = migrate({ connectionString: db.url, migrationsDir: dir });
    await expect(run).rejects.toThrow(MigrationError);
    await expect(run).rejects.toThrow(error(init!));
    expect(await tableExists(db.url, "later")).toBe(false);
    expect(await rowsOf(db.url)).toEqual(rowsBefore);
    if (status)
      expect(await migrationStatus({ connectionString: db.url, migrationsDir: dir })).toMatchObject(
        status(init!),
      );
  });
});
