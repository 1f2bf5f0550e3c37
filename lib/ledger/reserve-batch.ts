// One transaction for a batch of reservations (group commit): PostgreSQL commits ~1,000 single
// conditional updates a second on one hot row, but tens of thousands when they share a commit.
// Exactness is unchanged: every reservation row is inserted first (a duplicate requestId, in this
// batch or a concurrent one, is found by the unique index), the batch's balance rows are then
// locked in a fixed order (no deadlock between batches), each request is judged in arrival order
// against the locked balance, and the losers' rows are deleted before the commit.
import type pg from "pg";
import { utc } from "@/lib/db/pool";
import type { ReserveInput, ReserveResult } from "@/lib/ledger/reserve-credits";

type Item = ReserveInput & { id: string };

export async function reserveBatch(client: pg.PoolClient, items: Item[]): Promise<ReserveResult[]> {
  const { rows: insertedRows } = await client.query<{ id: string }>(
    `INSERT INTO "Reservation" (id, "tenantId", "apiKeyId", "requestId", model, amount, status, "expiresAt", "createdAt")
     SELECT i, t, k, r, m, a, 'HELD', e, c FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::timestamp[], $8::timestamp[]) AS u(i, t, k, r, m, a, e, c)
     ON CONFLICT ("tenantId", "requestId") DO NOTHING RETURNING id`,
    [
      items.map((x) => x.id), items.map((x) => x.tenantId), items.map((x) => x.apiKeyId), items.map((x) => x.requestId),
      items.map((x) => x.model), items.map((x) => x.amount.toString()), items.map((x) => utc(x.expiresAt)), items.map((x) => utc(x.now)),
    ],
  );
  const inserted = new Set(insertedRows.map((r) => r.id));
  const tenants = [...new Set(items.map((x) => x.tenantId))].sort();
  const { rows: locked } = await client.query<{ tenantId: string; available: bigint; reserved: bigint }>(
    `SELECT "tenantId", available, reserved FROM "CreditBalance" WHERE "tenantId" = ANY($1) ORDER BY "tenantId" FOR UPDATE`, [tenants]);
  const balances = new Map(locked.map((b) => [b.tenantId, { available: b.available, reserved: b.reserved }]));

  const outcome = new Map<string, "reserved" | "insufficient" | "duplicate">();
  const after = new Map<string, { available: bigint; reserved: bigint }>();
  const losers: string[] = [];
  const ledger: Array<{ tenantId: string; amount: bigint; balanceAfter: bigint; id: string; apiKeyId: string; requestId: string; now: Date }> = [];
  for (const x of items) {
    if (!inserted.has(x.id)) { outcome.set(x.id, "duplicate"); continue; }
    const b = balances.get(x.tenantId);
    if (!b || b.available < x.amount) {
      outcome.set(x.id, "insufficient");
      losers.push(x.id);
    } else {
      b.available -= x.amount;
      b.reserved += x.amount;
      outcome.set(x.id, "reserved");
      ledger.push({ tenantId: x.tenantId, amount: -x.amount, balanceAfter: b.available, id: x.id, apiKeyId: x.apiKeyId, requestId: x.requestId, now: x.now });
    }
    if (b) after.set(x.id, { ...b });
  }
  if (losers.length) await client.query(`DELETE FROM "Reservation" WHERE id = ANY($1)`, [losers]);
  if (ledger.length) {
    const changed = tenants.filter((t) => ledger.some((l) => l.tenantId === t));
    await client.query(
      `UPDATE "CreditBalance" b SET available = v.a, reserved = v.r, "updatedAt" = now() AT TIME ZONE 'UTC'
       FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS v(t, a, r) WHERE b."tenantId" = v.t`,
      [changed, changed.map((t) => balances.get(t)!.available.toString()), changed.map((t) => balances.get(t)!.reserved.toString())],
    );
    await client.query(
      `INSERT INTO "CreditLedgerEntry" ("tenantId", kind, amount, "balanceAfter", "reservationId", "actorKind", "actorId", "idempotencyKey", "createdAt")
       SELECT t, 'RESERVE', a, b, r, 'API_KEY', k, 'reserve:' || q, c FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::timestamp[]) AS u(t, a, b, r, k, q, c)`,
      [ledger.map((l) => l.tenantId), ledger.map((l) => l.amount.toString()), ledger.map((l) => l.balanceAfter.toString()), ledger.map((l) => l.id),
        ledger.map((l) => l.apiKeyId), ledger.map((l) => l.requestId), ledger.map((l) => utc(l.now))],
    );
  }
  return items.map((x) => {
    const o = outcome.get(x.id)!;
    const balance = after.get(x.id) ?? { available: 0n, reserved: 0n };
    if (o === "reserved") return { outcome: o, reservation: { id: x.id, amount: x.amount, expiresAt: x.expiresAt, status: "HELD" }, balance };
    if (o === "insufficient") return { outcome: o, balance };
    // Duplicates are resolved after the commit (the first reservation may be in another batch).
    return { outcome: "duplicate", reservation: { id: "", amount: 0n, expiresAt: x.now, status: "" }, balance };
  });
}
