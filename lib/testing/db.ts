// Fresh databases for integration tests, on the server chosen by the global setup. Each test file
// gets databases of its own, so files can run in parallel without seeing each other's rows.
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const MIGRATIONS_DIR = path.resolve("prisma/migrations");

export type TestDatabase = { name: string; url: string; prisma: PrismaClient; drop(): Promise<void> };

function serverUrl(): string {
  return inject("testDatabaseServer");
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates an empty database named after the server's database (so CI's per-run cleanup finds it),
 * the label and a random suffix. `migrated: true` (the default) applies the migrations.
 */
export async function createTestDatabase(label: string, opts: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const base = new URL(serverUrl()).pathname.slice(1) || "postgres";
  const name = `${base}_${label.replace(/[^a-z0-9]/gi, "_").toLowerCase()}_${randomBytes(4).toString("hex")}`.slice(0, 63);
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = withDatabase(serverUrl(), name);
  if (opts.migrated ?? true) await migrate({ connectionString: url, migrationsDir: MIGRATIONS_DIR });
  const prisma = createPrismaClient(url, 5);
  return {
    name,
    url,
    prisma,
    async drop() {
      await prisma.$disconnect();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** Redis-only tests: `describe.skipIf(!redisUrl())`; prints why when they are skipped. */
export function redisUrl(): string | undefined {
  const url = process.env.REDIS_URL;
  if (!url) console.log("Skipping Redis tests: REDIS_URL is not set.");
  return url;
}
