// Fresh databases for integration tests, on the server chosen by the global setup. Each test file
// gets databases of its own, so files can run in parallel without seeing each other's rows.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { inject } from "vitest";

import { createPrismaClient } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { migrate } from "@/lib/schema/migrate";
import { trackDatabase, untrackDatabase } from "@/test/created-databases";
import { databaseUrl, dropDatabase, quoteIdent, withClient } from "@/test/pg-admin";

export const MIGRATIONS_DIR = path.resolve("prisma/migrations");

export type TestDatabase = {
  /** The database's name on the test server. */
  name: string;
  url: string;
  /** A client with a pool of at most 5 connections; drop() disconnects it. */
  prisma: PrismaClient;
  /** Disconnects the client and drops the database. Safe to call twice. */
  drop(): Promise<void>;
};

// PostgreSQL truncates identifiers at 63 bytes; the label is shortened, never the random suffix.
const MAX_NAME = 63;

/**
 * Creates an empty database named `<run prefix><label>_<random>` (the run prefix starts with the
 * server's database name, so a CI job's cleanup of `<db>_*` finds it). `migrated: true` (the
 * default) applies prisma/migrations with the app's runner. Databases are dropped by drop(), after
 * the test file if it forgot, and at the end of the run in any case.
 */
export async function createTestDatabase(
  label: string,
  opts: { migrated?: boolean } = {},
): Promise<TestDatabase> {
  const server = inject("testDatabaseServer");
  const prefix = inject("testDatabasePrefix");
  const suffix = `_${randomBytes(4).toString("hex")}`;
  const slug = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .slice(0, Math.max(0, MAX_NAME - prefix.length - suffix.length));
  const name = `${prefix}${slug}${suffix}`;
  // template0: nobody connects to it, so concurrent creates never fail with "template1 is being
  // accessed by other users".
  await withClient(server, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE template0`));
  const url = databaseUrl(server, name);
  const prisma = createPrismaClient(url, 5);
  let dropped: Promise<void> | undefined;
  const drop = () => {
    dropped ??= (async () => {
      untrackDatabase(name);
      await prisma.$disconnect().catch(() => undefined);
      await withClient(server, (c) => dropDatabase(c, name));
    })();
    return dropped;
  };
  trackDatabase(name, drop);
  if (opts.migrated ?? true) await migrate({ connectionString: url, migrationsDir: MIGRATIONS_DIR });
  return { name, url, prisma, drop };
}

/**
 * For Redis-only suites: `const url = redisUrl("Redis rate limiter"); describe.skipIf(!url)(...)`.
 * Prints why the suite is skipped, so a green run never hides that it did not run.
 */
export function redisUrl(what = "Redis tests"): string | undefined {
  const url = process.env.REDIS_URL;
  if (!url) console.log(`Skipping ${what}: REDIS_URL is not set (e.g. REDIS_URL=redis://127.0.0.1:6379).`);
  return url;
}
