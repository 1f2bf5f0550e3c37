// Every authorize answer goes into `Decision` without slowing the answer: rows are buffered and
// written in batches (one INSERT … SELECT unnest per flush). The log is for humans ("why was this
// refused?"); money never depends on it, so a crash may lose the last few hundred milliseconds.
// The refusal alert rules (N refused calls in M minutes) are evaluated in the same transaction
// that records the refusals, for each tenant the batch refused.
import type pg from "pg";

import { afterWrite } from "@/lib/alerts/after-write";
import { utc } from "@/lib/db/pool";
import { withTransaction } from "@/lib/db/transaction";

export type DecisionRecord = {
  id: string;
  tenantId: string | null;
  apiKeyId: string | null;
  requestId: string;
  model: string | null;
  feature: string | null;
  allowed: boolean;
  code: string | null;
  httpStatus: number;
  cost: bigint | null;
  details: unknown;
  createdAt: Date;
};

export class DecisionRecorder {
  private buffer: DecisionRecord[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly pool: () => pg.Pool,
    private readonly opts: { maxDelayMs: number; maxBatch: number; appUrl: string },
  ) {}

  record(row: DecisionRecord): void {
    this.buffer.push(row);
    if (this.buffer.length >= this.opts.maxBatch) void this.flush();
    // unref: a pending flush alone must not keep a process alive (shutdown calls flush()).
    else this.timer ??= setTimeout(() => void this.flush(), this.opts.maxDelayMs).unref();
  }

  /** Writes everything buffered so far (tests and shutdown call it). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const rows = this.buffer;
    this.buffer = [];
    this.flushing = this.flushing
      .then(() => (rows.length ? this.write(rows) : undefined))
      .catch((e: unknown) => {
        console.error(`could not record ${rows.length} decisions:`, e);
      });
    return this.flushing;
  }

  private async write(rows: DecisionRecord[]): Promise<void> {
    await withTransaction(this.pool(), async (client) => {
      await this.insert(client, rows);
      const refusedTenants = new Set(rows.flatMap((r) => (!r.allowed && r.tenantId ? [r.tenantId] : [])));
      // Sorted: two flushes (two instances) lock the tenants' rules in the same order.
      for (const tenantId of [...refusedTenants].sort())
        await afterWrite(client, { tenantId, changed: "refusals", appUrl: this.opts.appUrl });
    });
  }

  private async insert(client: pg.PoolClient, rows: DecisionRecord[]): Promise<void> {
    await client.query(
      `INSERT INTO "Decision" (id, "tenantId", "apiKeyId", "requestId", model, feature, allowed, code, "httpStatus", cost, details, "createdAt")
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bool[], $8::text[], $9::int[], $10::bigint[], $11::jsonb[], $12::timestamp[])
       ON CONFLICT (id) DO NOTHING`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.tenantId),
        rows.map((r) => r.apiKeyId),
        rows.map((r) => r.requestId),
        rows.map((r) => r.model),
        rows.map((r) => r.feature),
        rows.map((r) => r.allowed),
        rows.map((r) => r.code),
        rows.map((r) => r.httpStatus),
        rows.map((r) => r.cost?.toString() ?? null),
        rows.map((r) =>
          JSON.stringify(r.details, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
        ),
        rows.map((r) => utc(r.createdAt)),
      ],
    );
  }
}
