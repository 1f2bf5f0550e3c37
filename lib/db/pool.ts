// A plain `pg` pool for the decision hot path, where a few hand-written statements per request
// beat an ORM round trip. Everything else uses Prisma (lib/db.ts).
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
