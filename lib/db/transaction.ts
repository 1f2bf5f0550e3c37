// The one way to run a transaction on a `pg` connection. Every block written with it has the same
// semantics: PostgreSQL's default isolation (READ COMMITTED) unless the block takes its own row
// locks (SELECT … FOR UPDATE, in the lock order its module documents), COMMIT when `fn` resolves,
// ROLLBACK when it or the COMMIT throws (the original error is what the caller sees). No extra
// round trip: BEGIN, `fn`'s statements, COMMIT. Prisma code uses `prisma.$transaction` instead.
import type pg from "pg";

/** Runs `fn` in a transaction on a connection the caller holds (and keeps: it may use it after). */
export async function inTransaction<C extends pg.ClientBase, T>(
  client: C,
  fn: (client: C) => Promise<T>,
): Promise<T> {
  await client.query("BEGIN");
  try {
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  }
}

/** Takes a connection from the pool, runs `fn` in a transaction on it, and gives it back. */
export async function withTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    return await inTransaction(client, fn);
  } finally {
    client.release();
  }
}
