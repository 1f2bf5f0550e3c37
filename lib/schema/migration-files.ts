// Prisma's migration layout on disk (prisma/migrations/<timestamp>_<name>/migration.sql) and the
// comparison of it with `_prisma_migrations`, following Prisma's own rules so that our runner and
// `prisma migrate status` never disagree about what is applied.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

export type MigrationFile = { name: string; sql: string; checksum: string };

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

export async function readMigrationFiles(migrationsDir: string): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
    throw new MigrationError(`cannot read the migrations folder ${migrationsDir}: ${e.code ?? e.message}`);
  });
  // Prisma's CLI orders folders with localeCompare: same order here, so both apply alike.
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
  const files: MigrationFile[] = [];
  for (const name of names) {
    const bytes = await readFile(path.join(migrationsDir, name, "migration.sql")).catch(() => {
      // Prisma refuses such a folder too; skipping it would leave the schema silently behind.
      throw new MigrationError(`migration ${name} has no readable migration.sql in ${migrationsDir}`);
    });
    files.push({ name, sql: bytes.toString("utf8"), checksum: sha256(bytes) });
  }
  return files;
}

/**
 * Prisma's rule (prisma-engines `script_matches_checksum`): a recorded checksum matches the file
 * as it is, with CRLF turned into LF, or with LF turned into CRLF, because git may change line
 * endings on checkout. Anything else is an edited migration.
 */
export function checksumMatches(file: MigrationFile, recorded: string): boolean {
  if (file.checksum === recorded) return true;
  return [file.sql.replaceAll("\r\n", "\n"), file.sql.replaceAll("\n", "\r\n")].some(
    (sql) => sha256(sql) === recorded,
  );
}

export type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

export type MigrationState = {
  applied: string[];
  pending: string[];
  /** Applied, but the file's checksum no longer matches the record. */
  modified: string[];
  /** Recorded as applied, but no folder of that name exists. */
  missing: string[];
  /** Started and never finished nor marked rolled back (a failed `prisma migrate deploy`). */
  failed: string[];
};

/** Compares what is on disk with what `_prisma_migrations` says was applied. */
export function compareMigrations(files: MigrationFile[], rows: AppliedRow[]): MigrationState {
  // A rolled-back row is history only: Prisma re-applies that migration under a new row.
  const live = rows.filter((r) => r.rolled_back_at === null);
  const done = new Map(live.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r.checksum]));
  const onDisk = new Set(files.map((f) => f.name));
  const isDone = (f: MigrationFile) => done.has(f.name);
  return {
    applied: files.filter(isDone).map((f) => f.name),
    pending: files.filter((f) => !isDone(f)).map((f) => f.name),
    modified: files.filter((f) => isDone(f) && !checksumMatches(f, done.get(f.name)!)).map((f) => f.name),
    missing: [...done.keys()].filter((name) => !onDisk.has(name)),
    failed: live.filter((r) => r.finished_at === null).map((r) => r.migration_name),
  };
}
