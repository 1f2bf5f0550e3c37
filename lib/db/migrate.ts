// The app's own migration runner (users have neither Prisma's native engine nor ../shared).
// It applies Prisma's migration SQL in order, each file in its own transaction, under an advisory
// lock so that two processes starting at once migrate once, and records each one in
// `_prisma_migrations` exactly as `prisma migrate deploy` does, so `prisma migrate status` agrees.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { compareMigrations, readMigrationFiles, type AppliedRow, type MigrationState } from "@/lib/db/migration-files";

// Any fixed 64-bit key; it only has to be the same in every Tollgate process.
const LOCK_KEY = 7_370_110_240_117_001n;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

type Options = { connectionString: string; migrationsDir: string; log?: (line: string) => void };

async function appliedRows(client: pg.Client): Promise<AppliedRow[]> {
  const { rows: [exists] } = await client.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
  if (!exists?.t) return [];
  const { rows } = await client.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
  );
  return rows;
}

function refuseBrokenState(state: MigrationState): void {
  if (state.failed.length) {
    throw new MigrationError(`migration ${state.failed.join(", ")} failed earlier and was not rolled back: fix the database by hand, then mark it rolled back`);
  }
  if (state.modified.length) {
    throw new MigrationError(`migration ${state.modified.join(", ")} was changed after it was applied (checksum differs): never edit an applied migration; restore the file and add a new migration instead`);
  }
  if (state.missing.length) {
    throw new MigrationError(`migration ${state.missing.join(", ")} is recorded as applied but is not in the migrations folder: this build is older than the database`);
  }
}

/** What is applied, pending or wrong, without changing anything (used by /api/health). */
export async function migrationStatus({ connectionString, migrationsDir }: Omit<Options, "log">): Promise<MigrationState> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000, query_timeout: 5_000 });
  await client.connect();
  try {
    return compareMigrations(await readMigrationFiles(migrationsDir), await appliedRows(client));
  } finally {
    await client.end();
  }
}

export async function migrate({ connectionString, migrationsDir, log = () => undefined }: Options): Promise<{ applied: string[] }> {
  const files = await readMigrationFiles(migrationsDir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY.toString()]);
    // Read the state only once the lock is held: another process may just have migrated.
    await client.query(CREATE_TABLE);
    const state = compareMigrations(files, await appliedRows(client));
    refuseBrokenState(state);
    const applied: string[] = [];
    for (const file of files.filter((f) => state.pending.includes(f.name))) {
      log(`Applying migration ${file.name} …`);
      await client.query("BEGIN");
      try {
        const id = randomUUID();
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
          [id, file.checksum, file.name],
        );
        await client.query(file.sql);
        await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw new MigrationError(`migration ${file.name} failed and was rolled back: ${e instanceof Error ? e.message : String(e)}`);
      }
      applied.push(file.name);
    }
    return { applied };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY.toString()]).catch(() => undefined);
    await client.end();
  }
}
