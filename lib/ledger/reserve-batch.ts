// One transaction for a batch of reservations (group commit): PostgreSQL commits ~1,000 single
// conditional updates a second on one hot row, but tens of thousands when they share a commit.
// Exactness is unchanged: every reservation row is inserted first (a duplicate requestId, in this
// batch or a concurrent one, is found by the unique index), the batch's balance rows are then
// locked in a fixed order (no deadlock between batches), each request is judged in arrival order
// against the locked balance, and the losers' rows are deleted before the commit. Four round
// trips a batch, whatever its size: BEGIN, insert-and-lock, write, COMMIT (statement round trips,
// not the decision, are what a busy server spends its time on).
// A request with a guard (a HARD quota or a spending cap) is judged again, by the caller's
// recheck (decide() itself), on numbers read after the lock: usage settlement and expiry take the
// same lock, so a burst of concurrent calls cannot pass a quota or a cap between them.
import type pg from "pg";

import { utc } from "@/lib/db/pool";
import type { ReserveItem as Item, LockedState, ReserveResult } from "@/lib/ledger/reservation";
import { readSpend, type Spend } from "@/lib/ledger/spend";

type Balance = { available: bigint; reserved: bigint; reservedTokens: bigint };

export async function reserveBatch(client: pg.PoolClient, items: Item[]): Promise<ReserveResult[]> {
  const tenants = [...new Set(items.map((x) => x.tenantId))].sort();
  // One round trip: the batch's reservation rows are inserted (a requestId already held, in this
  // batch or a concurrent one, is skipped by the unique index) and its balance rows are locked in
  // tenantId order (batches never wait on each other in a cycle). The answer holds the balance
  // rows and then one row per inserted reservation id.
  const { rows } = await client.query<{
    tenantId: string | null;
    available: bigint;
    reserved: bigint;
    reservedTokens: bigint;
    inserted: string | null;
  }>(
    `WITH ins AS (
       INSERT INTO "Reservation" (id, "tenantId", "apiKeyId", "requestId", model, amount, tokens, status, "expiresAt", "createdAt")
       SELECT i, t, k, r, m, a, n, 'HELD', e, c FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::timestamp[], $9::timestamp[]) AS u(i, t, k, r, m, a, n, e, c)
       ON CONFLICT ("tenantId", "requestId") DO NOTHING RETURNING id
     ), locked AS (
       SELECT "tenantId", available, reserved, "reservedTokens" FROM "CreditBalance" WHERE "tenantId" = ANY($10) ORDER BY "tenantId" FOR UPDATE
     )
     SELECT "tenantId", available, reserved, "reservedTokens", NULL::text AS inserted FROM locked
     UNION ALL SELECT NULL, NULL, NULL, NULL, id FROM ins`,
    [
      items.map((x) => x.id),
      items.map((x) => x.tenantId),
      items.map((x) => x.apiKeyId),
      items.map((x) => x.requestId),
      items.map((x) => x.model),
      items.map((x) => x.amount.toString()),
      items.map((x) => (x.tokens ?? 0n).toString()),
      items.map((x) => utc(x.expiresAt)),
      items.map((x) => utc(x.now)),
      tenants,
    ],
  );
  const inserted = new Set(rows.flatMap((r) => (r.inserted === null ? [] : [r.inserted])));
  const balances = new Map<string, Balance>(
    rows.flatMap((b) =>
      b.tenantId === null
        ? []
        : [
            [
              b.tenantId,
              { available: b.available, reserved: b.reserved, reservedTokens: b.reservedTokens },
            ] as const,
          ],
    ),
  );
  const guarded = await lockedGuardState(
    client,
    items.filter((x) => x.guard && inserted.has(x.id)),
    items.map((x) => x.id),
  );

  const keyHeldInBatch = new Map<string, bigint>();
  const results = new Map<string, ReserveResult>();
  const losers: string[] = [];
  const ledger: Array<{
    tenantId: string;
    amount: bigint;
    balanceAfter: bigint;
    id: string;
    apiKeyId: string;
    requestId: string;
    now: Date;
  }> = [];
  for (const x of items) {
    if (!inserted.has(x.id)) continue; // a duplicate: resolved after the commit
    const b = balances.get(x.tenantId);
    const snapshot = () => ({ available: b?.available ?? 0n, reserved: b?.reserved ?? 0n });
    const g = guarded.get(x.id);
    const refusal =
      b && x.guard && g
        ? x.guard.recheck({ ...b, ...g, keyHeld: g.keyHeld + (keyHeldInBatch.get(x.apiKeyId) ?? 0n) })
        : null;
    if (!b || refusal !== null || b.available < x.amount) {
      losers.push(x.id);
      results.set(
        x.id,
        refusal !== null
          ? { outcome: "refused", refusal, balance: snapshot() }
          : { outcome: "insufficient", balance: snapshot() },
      );
      continue;
    }
    b.available -= x.amount;
    b.reserved += x.amount;
    b.reservedTokens += x.tokens ?? 0n;
    // Later requests of the same key in this batch see this hold.
    if (guarded.size) keyHeldInBatch.set(x.apiKeyId, (keyHeldInBatch.get(x.apiKeyId) ?? 0n) + x.amount);
    ledger.push({
      tenantId: x.tenantId,
      amount: -x.amount,
      balanceAfter: b.available,
      id: x.id,
      apiKeyId: x.apiKeyId,
      requestId: x.requestId,
      now: x.now,
    });
    results.set(x.id, {
      outcome: "reserved",
      reservation: { id: x.id, amount: x.amount, expiresAt: x.expiresAt, status: "HELD" },
      balance: snapshot(),
    });
  }
  if (losers.length || ledger.length) {
    // One round trip for every write left: the losers' rows go, the balances and ledger are written.
    const changed = [...new Set(ledger.map((l) => l.tenantId))];
    const of = (t: string) => balances.get(t)!;
    await client.query(
      `WITH lost AS (DELETE FROM "Reservation" WHERE id = ANY($1::text[])),
       balance AS (
         UPDATE "CreditBalance" b SET available = v.a, reserved = v.r, "reservedTokens" = v.n, "updatedAt" = now() AT TIME ZONE 'UTC'
         FROM unnest($2::text[], $3::bigint[], $4::bigint[], $5::bigint[]) AS v(t, a, r, n) WHERE b."tenantId" = v.t
       ), entries AS (
         INSERT INTO "CreditLedgerEntry" ("tenantId", kind, amount, "balanceAfter", "reservationId", "actorKind", "actorId", "idempotencyKey", "createdAt")
         SELECT t, 'RESERVE', a, b, r, 'API_KEY', k, 'reserve:' || q, c FROM unnest($6::text[], $7::bigint[], $8::bigint[], $9::text[], $10::text[], $11::text[], $12::timestamp[]) AS u(t, a, b, r, k, q, c)
       )
       SELECT 1`,
      [
        losers,
        changed,
        changed.map((t) => of(t).available.toString()),
        changed.map((t) => of(t).reserved.toString()),
        changed.map((t) => of(t).reservedTokens.toString()),
        ledger.map((l) => l.tenantId),
        ledger.map((l) => l.amount.toString()),
        ledger.map((l) => l.balanceAfter.toString()),
        ledger.map((l) => l.id),
        ledger.map((l) => l.apiKeyId),
        ledger.map((l) => l.requestId),
        ledger.map((l) => utc(l.now)),
      ],
    );
  }
  return items.map(
    (x) =>
      results.get(x.id) ?? {
        outcome: "duplicate",
        reservation: { id: "", amount: 0n, expiresAt: x.now, status: "" },
        balance: { available: 0n, reserved: 0n },
      },
  );
}

type GuardState = Omit<LockedState, "available" | "reserved" | "reservedTokens">;

/**
 * The quota month and spend numbers guarded requests are judged on, read after the balance lock
 * (once per tenant and month, and once per key and day, however many requests share them).
 */
async function lockedGuardState(
  client: pg.PoolClient,
  items: Item[],
  batchIds: string[],
): Promise<Map<string, GuardState>> {
  const months = new Map<string, Promise<{ tokensUsed: bigint; cost: bigint } | undefined>>();
  const spends = new Map<string, Promise<Spend>>();
  const once = <T>(memo: Map<string, Promise<T>>, key: string, read: () => Promise<T>) => {
    if (!memo.has(key)) memo.set(key, read());
    return memo.get(key)!;
  };
  const state = new Map<string, GuardState>();
  // One query at a time: a pg client runs its queries in sequence anyway.
  for (const x of items) {
    const g = x.guard!;
    const s: GuardState = {
      monthTokens: 0n,
      monthCost: 0n,
      tenantDayCharged: 0n,
      keyDayCharged: 0n,
      keyMonthCharged: 0n,
      keyHeld: 0n,
    };
    if (g.quotaPeriodStart) {
      const q = await once(
        months,
        `${x.tenantId}|${g.quotaPeriodStart.getTime()}`,
        async () =>
          (
            await client.query<{ tokensUsed: bigint; cost: bigint }>(
              `SELECT "tokensUsed", cost FROM "QuotaUsage" WHERE "tenantId" = $1 AND "periodStart" = $2::timestamp`,
              [x.tenantId, utc(g.quotaPeriodStart!)],
            )
          ).rows[0],
      );
      s.monthTokens = q?.tokensUsed ?? 0n;
      s.monthCost = q?.cost ?? 0n;
    }
    const since = g.spendSince;
    if (since) {
      // Holds of this batch are not counted here: the judging loop adds them as it goes.
      const c = await once(
        spends,
        `${x.tenantId}|${x.apiKeyId}|${since.day.getTime()}|${since.month.getTime()}`,
        () => readSpend(client, x.tenantId, x.apiKeyId, since.day, since.month, batchIds),
      );
      s.tenantDayCharged = c.tenantDay;
      s.keyDayCharged = c.keyDay;
      s.keyMonthCharged = c.keyMonth;
      s.keyHeld = c.keyHeld;
    }
    state.set(x.id, s);
  }
  return state;
}
