// Prisma's migration layout on disk: prisma/migrations/<timestamp>_<name>/migration.sql.
// The checksum is what Prisma records: lowercase hex SHA-256 of the file's bytes.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";

export type MigrationFile = { name: string; sql: string; checksum: string };

export async function readMigrationFiles(migrationsDir: string): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const files: MigrationFile[] = [];
  for (const name of names) {
    const file = path.join(migrationsDir, name, "migration.sql");
    if (!existsSync(file)) continue;
    const bytes = await readFile(file);
    files.push({ name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") });
  }
  return files;
}

export type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

export type MigrationState = { applied: string[]; pending: string[]; modified: string[]; missing: string[]; failed: string[] };

/** Compares what is on disk with what `_prisma_migrations` says was applied. */
export function compareMigrations(files: MigrationFile[], rows: AppliedRow[]): MigrationState {
  const live = rows.filter((r) => r.rolled_back_at === null);
  const done = new Map(live.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r.checksum]));
  const onDisk = new Set(files.map((f) => f.name));
  return {
    applied: files.filter((f) => done.has(f.name)).map((f) => f.name),
    pending: files.filter((f) => !done.has(f.name)).map((f) => f.name),
    modified: files.filter((f) => done.has(f.name) && done.get(f.name) !== f.checksum).map((f) => f.name),
    missing: [...done.keys()].filter((name) => !onDisk.has(name)),
    failed: live.filter((r) => r.finished_at === null).map((r) => r.migration_name),
  };
}
