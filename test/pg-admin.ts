// Database-level chores on the test server, shared by the global setup (main process) and the
// helpers that test files import (workers). Nothing here imports vitest.
import pg from "pg";

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The same server URL pointed at another database. */
export function databaseUrl(serverUrl: string, name: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

/** The database named in a server URL (`postgres` when it names none). */
export function baseDatabaseName(serverUrl: string): string {
  return decodeURIComponent(new URL(serverUrl).pathname.slice(1)) || "postgres";
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** WITH (FORCE) ends sessions a test left open (a Prisma pool it never disconnected). */
export async function dropDatabase(client: pg.Client, name: string): Promise<void> {
  await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
}

/** Drops every database whose name starts with `prefix`; returns their names. */
export async function dropDatabasesStartingWith(serverUrl: string, prefix: string): Promise<string[]> {
  return withClient(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE NOT datistemplate AND starts_with(datname, $1)",
      [prefix],
    );
    for (const { datname } of rows) await dropDatabase(client, datname);
    return rows.map((r) => r.datname);
  });
}
