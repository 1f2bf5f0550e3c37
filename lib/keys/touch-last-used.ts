// ApiKey.lastUsedAt without a write per call: each process records a key's use at most once a
// minute, off the answer's path (a lost update only makes "last used" up to a minute stale).
import type pg from "pg";

import { utc } from "@/lib/db/pool";

const INTERVAL_MS = 60_000;
const lastWritten = new Map<string, number>();

export function touchLastUsed(db: pg.Pool, keyId: string, now: Date): void {
  const previous = lastWritten.get(keyId) ?? 0;
  if (now.getTime() - previous < INTERVAL_MS) return;
  lastWritten.set(keyId, now.getTime());
  db.query(
    `UPDATE "ApiKey" SET "lastUsedAt" = $2::timestamp WHERE id = $1 AND ("lastUsedAt" IS NULL OR "lastUsedAt" < $2::timestamp)`,
    [keyId, utc(now)],
  ).catch((e: unknown) => console.error(`could not record the last use of key ${keyId}:`, e));
}
