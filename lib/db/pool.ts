// The plain `pg` pool. Two ways reach PostgreSQL, and the rule for choosing is:
// - `pg` (this pool, SQL by hand) for
//   1. the API's request paths: authorize, usage, balance and the decision recorder, where a few
//      statements per request (batched across requests) beat an ORM round trip;
//   2. whatever shares their transactions or their lock order: the balance row lock (reservation,
//      settlement, grant consumption, expiry, release), alert evaluation, job enqueueing. These take
//      a SqlRunner (lib/db/sql-runner.ts), so a Prisma transaction calls them too via prismaRunner;
//   3. set-based reads and writes Prisma cannot express: unnest batches, FOR UPDATE, FILTER
//      aggregates, LATERAL joins, keyset-paged exports (the dashboards' and tenants' read models);
//   4. the job worker (lib/worker), which holds a small pg pool of its own beside pg-boss's and no
//      Prisma client (it also runs alone, as `npm run jobs`).
//   Its transactions go through lib/db/transaction.ts, never a hand-written BEGIN.
// - Prisma (lib/db.ts) for everything else: row-at-a-time CRUD and the admin and tenant writes
//   (server actions, Stripe mirror handlers, keys, plans, audit), in `prisma.$transaction`, with
//   `$queryRaw` inside it only where such a write must take a row lock.
import pg from "pg";

import { databaseUrl, env } from "@/lib/env";

const globalForPool = globalThis as unknown as { tollgatePool?: pg.Pool };

// BIGINT (int8) comes back as bigint, never as a lossy number or a string; Prisma's DateTime
// columns are `timestamp` (no zone) holding UTC, so they are read as UTC whatever the process's
// TZ. Set per pool, not on pg's global registry, which Prisma's adapter shares.
const INT8 = 20;
const TIMESTAMP = 1114;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === INT8) return (v: string) => BigInt(v);
    if (oid === TIMESTAMP) return (v: string) => new Date(`${v.replace(" ", "T")}Z`);
    return pg.types.getTypeParser(oid, format ?? "text");
  }) as typeof pg.types.getTypeParser,
};

/** A Date as the naive UTC timestamp text Prisma's `timestamp(3)` columns hold (bind as `$n::timestamp`). */
export function utc(date: Date): string {
  return date.toISOString().replace("Z", "");
}

export function createPool(connectionString: string, max = 16): pg.Pool {
  const created = new pg.Pool({ connectionString, max, types });
  // An idle connection dropped by the server (restart, failover) must not crash the process:
  // the pool discards it and the next query opens a new one.
  created.on("error", (e) => console.error(`PostgreSQL dropped an idle connection: ${e.message}`));
  return created;
}

export function pool(): pg.Pool {
  globalForPool.tollgatePool ??= createPool(databaseUrl(), env().TOLLGATE_PG_POOL);
  return globalForPool.tollgatePool;
}
