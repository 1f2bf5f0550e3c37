// One shape for "something that runs SQL": a pg pool or client, or a Prisma transaction. Code that
// must write inside whatever transaction its caller holds (alert evaluation, job enqueueing) takes
// this, so the usage path (pg) and the admin path (Prisma) share it.
import type { Prisma } from "@/lib/generated/prisma/client";

export type SqlRunner = { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

export function prismaRunner(tx: Prisma.TransactionClient): SqlRunner {
  return {
    query: async (text, values = []) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }),
  };
}

export async function rowsOf<T>(db: SqlRunner, text: string, values?: unknown[]): Promise<T[]> {
  return (await db.query(text, values)).rows as T[];
}
