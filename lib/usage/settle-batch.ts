// Applying accepted usage events inside one transaction that holds the tenant's balance row.
// Usage is the truth of what happened: it is charged even when it drives the balance below zero
// (the next authorize then refuses). An event with a held reservation releases it and charges
// the actual cost; one without is charged directly. A revoked key's events are applied only
// for calls it reserved for (held, expired or released) before it was revoked.
import type pg from "pg";

import { afterWrite } from "@/lib/alerts/after-write";
import { utc } from "@/lib/db/pool";
import { consumeGrants } from "@/lib/ledger/consume-grants";
import { localDate, quotaPeriod } from "@/lib/time/tenant-calendar";

export type PricedEvent = {
  requestId: string;
  reservationId?: string;
  model: string;
  feature?: string;
  inputTokens: number;
  cachedInputTokens?: number;
  outputTokens: number;
  cost: bigint;
  occurredAt: Date;
};
type Reserved = {
  id: string;
  requestId: string;
  amount: bigint;
  tokens: bigint;
  apiKeyId: string;
  held: boolean;
};
type Ledger = {
  kind: "RELEASE" | "CHARGE";
  amount: bigint;
  balanceAfter: bigint;
  reservationId: string | null;
  key: string;
};

export async function settleBatch(
  client: pg.PoolClient,
  tenant: { id: string; timeZone: string },
  key: { id: string; revoked: boolean },
  allEvents: PricedEvent[],
  now: Date,
): Promise<{
  inserted: Set<string>;
  unauthorized: Set<string>;
  balance: { available: bigint; reserved: bigint };
}> {
  const apiKeyId = key.id;
  await client.query(
    `INSERT INTO "CreditBalance" ("tenantId", available, reserved, "updatedAt") VALUES ($1, 0, 0, $2::timestamp) ON CONFLICT DO NOTHING`,
    [tenant.id, utc(now)],
  );
  const {
    rows: [locked],
  } = await client.query<{ available: bigint; reserved: bigint; reservedTokens: bigint }>(
    `SELECT available, reserved, "reservedTokens" FROM "CreditBalance" WHERE "tenantId" = $1 FOR UPDATE`,
    [tenant.id],
  );
  let { available, reserved, reservedTokens } = locked!;

  const { rows: reservedRows } = await client.query<Reserved>(
    `SELECT id, "requestId", amount, tokens, "apiKeyId", status = 'HELD' AS held FROM "Reservation"
     WHERE "tenantId" = $1 AND ("requestId" = ANY($2) OR id = ANY($3)) FOR UPDATE`,
    [
      tenant.id,
      allEvents.map((e) => e.requestId),
      allEvents.flatMap((e) => (e.reservationId ? [e.reservationId] : [])),
    ],
  );
  const byId = new Map(reservedRows.map((r) => [r.id, r]));
  const byRequest = new Map(reservedRows.map((r) => [r.requestId, r]));
  const reservationOf = (e: PricedEvent) =>
    (e.reservationId ? byId.get(e.reservationId) : undefined) ?? byRequest.get(e.requestId);
  const holdOf = (e: PricedEvent) => {
    const r = reservationOf(e);
    return r?.held ? r : undefined;
  };
  const unauthorized = new Set<string>();
  let events = allEvents;
  if (key.revoked) {
    events = allEvents.filter((e) => reservationOf(e)?.apiKeyId === apiKeyId);
    const others = allEvents.filter((e) => !events.includes(e)).map((e) => e.requestId);
    // A retry of usage the key reported before it was revoked is still a duplicate.
    const { rows: known } = others.length
      ? await client.query<{ requestId: string }>(
          `SELECT "requestId" FROM "UsageEvent" WHERE "tenantId" = $1 AND "requestId" = ANY($2)`,
          [tenant.id, others],
        )
      : { rows: [] };
    const duplicates = new Set(known.map((r) => r.requestId));
    for (const id of others) if (!duplicates.has(id)) unauthorized.add(id);
  }

  const { rows: insertedRows } = await client.query<{ requestId: string }>(
    `INSERT INTO "UsageEvent" ("tenantId", "apiKeyId", "requestId", "reservationId", model, feature, "inputTokens", "outputTokens", cost, "occurredAt", "receivedAt", "cachedInputTokens")
     SELECT $1, $2, * FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::bigint[], $10::timestamp[], $11::timestamp[], $12::int[])
     ON CONFLICT ("tenantId", "requestId") DO NOTHING RETURNING "requestId"`,
    [
      tenant.id,
      apiKeyId,
      events.map((e) => e.requestId),
      events.map((e) => holdOf(e)?.id ?? null),
      events.map((e) => e.model),
      events.map((e) => e.feature ?? null),
      events.map((e) => e.inputTokens),
      events.map((e) => e.outputTokens),
      events.map((e) => e.cost.toString()),
      events.map((e) => utc(e.occurredAt)),
      events.map(() => utc(now)),
      events.map((e) => e.cachedInputTokens ?? 0),
    ],
  );
  const inserted = new Set(insertedRows.map((r) => r.requestId));
  const applied = events.filter((e) => inserted.has(e.requestId));
  if (applied.length === 0) return { inserted, unauthorized, balance: { available, reserved } };

  const ledger: Ledger[] = [];
  const settled: string[] = [];
  for (const e of applied) {
    const hold = holdOf(e);
    if (hold && !settled.includes(hold.id)) {
      settled.push(hold.id);
      available += hold.amount;
      reserved -= hold.amount;
      reservedTokens -= hold.tokens;
      ledger.push({
        kind: "RELEASE",
        amount: hold.amount,
        balanceAfter: available,
        reservationId: hold.id,
        key: `release:${hold.id}`,
      });
    }
    available -= e.cost;
    ledger.push({
      kind: "CHARGE",
      amount: -e.cost,
      balanceAfter: available,
      reservationId: hold?.id ?? null,
      key: `charge:${e.requestId}`,
    });
  }
  if (settled.length) {
    await client.query(
      `UPDATE "Reservation" SET status = 'SETTLED', "settledAt" = $2::timestamp WHERE id = ANY($1)`,
      [settled, utc(now)],
    );
  }
  await client.query(
    `INSERT INTO "CreditLedgerEntry" ("tenantId", kind, amount, "balanceAfter", "reservationId", "actorKind", "actorId", "idempotencyKey", "createdAt")
     SELECT $1, k::"LedgerKind", a, b, r, 'API_KEY', $2, i, $3::timestamp FROM unnest($4::text[], $5::bigint[], $6::bigint[], $7::text[], $8::text[]) AS t(k, a, b, r, i)`,
    [
      tenant.id,
      apiKeyId,
      utc(now),
      ledger.map((l) => l.kind),
      ledger.map((l) => l.amount.toString()),
      ledger.map((l) => l.balanceAfter.toString()),
      ledger.map((l) => l.reservationId),
      ledger.map((l) => l.key),
    ],
  );
  await client.query(
    `UPDATE "CreditBalance" SET available = $2, reserved = $3, "reservedTokens" = $4, "updatedAt" = $5::timestamp WHERE "tenantId" = $1`,
    [tenant.id, available.toString(), reserved.toString(), reservedTokens.toString(), utc(now)],
  );
  await consumeGrants(
    client,
    tenant.id,
    applied.reduce((sum, e) => sum + e.cost, 0n),
    now,
  );
  await addToAggregates(client, tenant, applied, now);
  await afterWrite(client, { tenantId: tenant.id, changed: "balance", now });
  return { inserted, unauthorized, balance: { available, reserved } };
}

/** Quota months and chart days, cut in the tenant's zone, in the same transaction as the events. */
async function addToAggregates(
  client: pg.PoolClient,
  tenant: { id: string; timeZone: string },
  events: PricedEvent[],
  now: Date,
) {
  const quota = new Map<string, { start: Date; end: Date; tokens: bigint; requests: number; cost: bigint }>();
  const rollup = new Map<
    string,
    { day: string; model: string; requests: number; input: bigint; output: bigint; cost: bigint }
  >();
  for (const e of events) {
    const month = localDate(e.occurredAt, tenant.timeZone).slice(0, 7);
    const q = quota.get(month) ?? {
      ...quotaPeriod(e.occurredAt, tenant.timeZone),
      tokens: 0n,
      requests: 0,
      cost: 0n,
    };
    q.tokens += BigInt(e.inputTokens + e.outputTokens);
    q.requests += 1;
    q.cost += e.cost;
    quota.set(month, q);
    const day = localDate(e.occurredAt, tenant.timeZone);
    const r = rollup.get(`${day}|${e.model}`) ?? {
      day,
      model: e.model,
      requests: 0,
      input: 0n,
      output: 0n,
      cost: 0n,
    };
    r.requests += 1;
    r.input += BigInt(e.inputTokens);
    r.output += BigInt(e.outputTokens);
    r.cost += e.cost;
    rollup.set(`${day}|${e.model}`, r);
  }
  const qs = [...quota.values()];
  await client.query(
    `INSERT INTO "QuotaUsage" ("tenantId", "periodStart", "periodEnd", "tokensUsed", requests, cost, "updatedAt")
     SELECT $1, * , $7::timestamp FROM unnest($2::timestamp[], $3::timestamp[], $4::bigint[], $5::int[], $6::bigint[])
     ON CONFLICT ("tenantId", "periodStart") DO UPDATE SET "tokensUsed" = "QuotaUsage"."tokensUsed" + EXCLUDED."tokensUsed",
       requests = "QuotaUsage".requests + EXCLUDED.requests, cost = "QuotaUsage".cost + EXCLUDED.cost, "updatedAt" = EXCLUDED."updatedAt"`,
    [
      tenant.id,
      qs.map((q) => utc(q.start)),
      qs.map((q) => utc(q.end)),
      qs.map((q) => q.tokens.toString()),
      qs.map((q) => q.requests),
      qs.map((q) => q.cost.toString()),
      utc(now),
    ],
  );
  const rs = [...rollup.values()];
  await client.query(
    `INSERT INTO "UsageRollup" ("tenantId", day, model, requests, "inputTokens", "outputTokens", cost)
     SELECT $1, * FROM unnest($2::date[], $3::text[], $4::int[], $5::bigint[], $6::bigint[], $7::bigint[])
     ON CONFLICT ("tenantId", day, model) DO UPDATE SET requests = "UsageRollup".requests + EXCLUDED.requests,
       "inputTokens" = "UsageRollup"."inputTokens" + EXCLUDED."inputTokens", "outputTokens" = "UsageRollup"."outputTokens" + EXCLUDED."outputTokens",
       cost = "UsageRollup".cost + EXCLUDED.cost`,
    [
      tenant.id,
      rs.map((r) => r.day),
      rs.map((r) => r.model),
      rs.map((r) => r.requests),
      rs.map((r) => r.input.toString()),
      rs.map((r) => r.output.toString()),
      rs.map((r) => r.cost.toString()),
    ],
  );
}
