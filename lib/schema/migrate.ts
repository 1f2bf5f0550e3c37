// The app's own migration runner (users have neither Prisma's native engine nor ../shared).
// It applies Prisma's migration SQL in order, each file in its own transaction, under an advisory
// lock so that two processes starting at once migrate once, and records each one in
// `_prisma_migrations` exactly as `prisma migrate deploy` does, so `prisma migrate status` agrees.
// Then pg-boss's job schema and queues (lib/jobs/install.ts), which pg-boss migrates itself.
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";

import { inTransaction } from "@/lib/db/transaction";
import { installJobQueues } from "@/lib/jobs/install";
import {
  compareMigrations,
  MigrationError,
  readMigrationFiles,
  type AppliedRow,
  type MigrationState,
} from "@/lib/schema/migration-files";

export { MigrationError, type MigrationState };

/** Any fixed 64-bit key; it only has to be the same in every Tollgate process. */
export const MIGRATION_LOCK_KEY = "7370110240117001";

// Prisma's own DDL for its bookkeeping table (PostgreSQL connector), column for column.
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

type Options = {
  connectionString: string;
  /** Defaults to prisma/migrations under the working directory. */
  migrationsDir?: string;
  log?: (line: string) => void;
};

const defaultDir = () => path.resolve("prisma", "migrations");

async function appliedRows(client: pg.Client): Promise<AppliedRow[]> {
  const {
    rows: [exists],
  } = await client.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
  if (!exists?.t) return [];
  const { rows } = await client.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
  );
  return rows;
}

function refuseBrokenState(state: MigrationState): void {
  if (state.failed.length) {
    throw new MigrationError(
      `migration ${state.failed.join(", ")} failed earlier and was not rolled back: fix the database by hand, then mark it with \`prisma migrate resolve --rolled-back <name>\``,
    );
  }
  if (state.modified.length) {
    throw new MigrationError(
      `migration ${state.modified.join(", ")} was changed after it was applied (checksum differs): never edit an applied migration; restore the file and add a new migration instead`,
    );
  }
  if (state.missing.length) {
    throw new MigrationError(
      `migration ${state.missing.join(", ")} is recorded as applied but is not in the migrations folder: this build is older than the database`,
    );
  }
}

/** What is applied, pending or wrong, without changing anything (used by /api/health). */
export async function migrationStatus({
  connectionString,
  migrationsDir = defaultDir(),
}: Omit<Options, "log">): Promise<MigrationState> {
  const files = await readMigrationFiles(migrationsDir);
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000, query_timeout: 5_000 });
  await client.connect();
  try {
    return compareMigrations(files, await appliedRows(client));
  } finally {
    await client.end();
  }
}

/** Applies every pending migration; refuses (MigrationError) when the recorded history is broken. */
export async function migrate(opts: Options): Promise<{ applied: string[] }> {
  const result = await applyMigrations(opts);
  await installJobQueues(opts.connectionString);
  return result;
}

async function applyMigrations({
  connectionString,
  migrationsDir = defaultDir(),
  log = () => undefined,
}: Options): Promise<{ applied: string[] }> {
  const files = await readMigrationFiles(migrationsDir);
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const {
      rows: [first],
    } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [MIGRATION_LOCK_KEY]);
    if (!first?.ok) {
      log("Another process is applying migrations; waiting for it …");
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    }
    // Read the state only once the lock is held: another process may just have migrated.
    await client.query(CREATE_TABLE);
    const state = compareMigrations(files, await appliedRows(client));
    refuseBrokenState(state);
    const applied: string[] = [];
    for (const file of files.filter((f) => state.pending.includes(f.name))) {
      log(`Applying migration ${file.name} …`);
      // The SQL and its bookkeeping row commit together or not at all. Prisma sends a script as
      // one multi-statement query, which PostgreSQL also runs as one implicit transaction, so a
      // migration that works with `prisma migrate deploy` works here.
      try {
        await inTransaction(client, async () => {
          const id = randomUUID();
          await client.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
            [id, file.checksum, file.name],
          );
          await client.query(file.sql);
          // clock_timestamp(), not now(): inside the transaction now() would equal started_at.
          await client.query(
            `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
            [id],
          );
        });
      } catch (e) {
        throw new MigrationError(
          `migration ${file.name} failed and was rolled back: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
      applied.push(file.name);
    }
    return { applied };
  } finally {
    // Ending the session releases the advisory lock too; unlocking first just frees it sooner.
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
