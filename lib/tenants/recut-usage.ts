// A tenant's chart days and quota months are cut in its time zone when usage is written, so a
// new zone re-cuts them: UsageRollup and QuotaUsage are rebuilt from UsageEvent with the same
// calendar functions the ingest path uses. Events are read in 15-minute buckets — every zone's
// offset is a multiple of 15 minutes, so no bucket straddles a local midnight — and the work
// grows with the span of history, not with the number of events.
import { tenantScope } from "@/lib/db/tenant-scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import { localDate, quotaPeriod } from "@/lib/time/tenant-calendar";

type Totals = { requests: number; input: bigint; output: bigint; cost: bigint };
/** `at`: the bucket's start in seconds since the epoch ("occurredAt" holds UTC). */
type Bucket = Totals & { at: bigint; model: string };

const zero = (): Totals => ({ requests: 0, input: 0n, output: 0n, cost: 0n });

function add<T extends Totals>(into: T, b: Totals): T {
  into.requests += b.requests;
  into.input += b.input;
  into.output += b.output;
  into.cost += b.cost;
  return into;
}

export async function recutUsage(
  tx: Prisma.TransactionClient,
  tenantId: string,
  timeZone: string,
  now: Date,
): Promise<{ days: number; months: number }> {
  const scope = tenantScope(tenantId);
  // Usage ingest holds the balance row while it adds to these aggregates: holding it here means
  // no batch is half-counted in the old zone and half in the new.
  await tx.$queryRaw`SELECT 1 FROM "CreditBalance" WHERE "tenantId" = ${scope.tenantId} FOR UPDATE`;
  const buckets = await tx.$queryRaw<Bucket[]>`
    SELECT floor(extract(epoch FROM "occurredAt") / 900)::bigint * 900 AS at, model,
           count(*)::int AS requests, sum("inputTokens")::bigint AS input, sum("outputTokens")::bigint AS output, sum(cost)::bigint AS cost
    FROM "UsageEvent" WHERE "tenantId" = ${scope.tenantId} GROUP BY 1, 2`;

  const rollups = new Map<string, Totals & { day: string; model: string }>();
  const months = new Map<string, Totals & { start: Date; end: Date }>();
  for (const b of buckets) {
    const at = new Date(Number(b.at) * 1000);
    const day = localDate(at, timeZone);
    const r = rollups.get(`${day}|${b.model}`) ?? { day, model: b.model, ...zero() };
    rollups.set(`${day}|${b.model}`, add(r, b));
    const month = months.get(day.slice(0, 7)) ?? { ...quotaPeriod(at, timeZone), ...zero() };
    months.set(day.slice(0, 7), add(month, b));
  }
  await tx.usageRollup.deleteMany({ where: scope });
  await tx.quotaUsage.deleteMany({ where: scope });
  await tx.usageRollup.createMany({
    data: [...rollups.values()].map((r) => ({
      ...scope,
      day: new Date(`${r.day}T00:00:00Z`),
      model: r.model,
      requests: r.requests,
      inputTokens: r.input,
      outputTokens: r.output,
      cost: r.cost,
    })),
  });
  await tx.quotaUsage.createMany({
    data: [...months.values()].map((m) => ({
      ...scope,
      periodStart: m.start,
      periodEnd: m.end,
      tokensUsed: m.input + m.output,
      requests: m.requests,
      cost: m.cost,
      updatedAt: now,
    })),
  });
  return { days: rollups.size, months: months.size };
}
