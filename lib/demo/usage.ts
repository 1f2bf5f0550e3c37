// Up to 90 days of demo usage for one tenant: weekday/weekend and business-hour patterns, slow
// growth, one spike. Only calls the engine would have allowed are kept: none before sign-up or
// after the tenant was blocked, none past a HARD monthly quota or today's spending cap. The quota
// and cap stories are then topped up to their set share. Rollups, quota rows and ledger charges
// are derived from the very events returned, so they agree.
import { callCost, priceAt } from "@/lib/decisions/cost";
import type { DemoTenant } from "@/lib/demo/accounts";
import { DEMO_MODELS, demoCatalog, demoPlan } from "@/lib/demo/catalog";
import { seededRandom, seedOf, type Random } from "@/lib/demo/random";
import type { Timeline } from "@/lib/demo/timeline";
import { usdToMicros } from "@/lib/money/format";
import { localDate, localDay, quotaPeriod } from "@/lib/time/tenant-calendar";

export type DemoUsageEvent = {
  tenantId: string;
  apiKeyId: string;
  requestId: string;
  model: string;
  feature: string;
  inputTokens: number;
  outputTokens: number;
  cost: bigint;
  occurredAt: Date;
  receivedAt: Date;
};

/** `oldKeyId`: a key used for some calls until it was revoked at `timeline.extraKeyAt`. */
export type UsageKeys = { tenantId: string; apiKeyId: string; oldKeyId?: string };

type Model = (typeof DEMO_MODELS)[number];
type Make = (at: Date, model: Model, feature: string, input: number, output: number) => DemoUsageEvent;

const DAY_MS = 86_400_000;
const HOUR_WEIGHTS = Array.from(
  { length: 24 },
  (_, h) => [h, h >= 9 && h <= 18 ? 6 : h >= 7 && h <= 22 ? 2 : 0.5] as const,
);
/** The call the budget story is filled with, and refused for (lib/demo/decisions.ts). */
export const BUDGET_CALL = { model: "claude-sonnet-4", inputTokens: 8_000, outputTokens: 2_000 } as const;

function modelsFor(tenant: DemoTenant, rnd: Random) {
  const plan = demoPlan(tenant.plan);
  const allowed = DEMO_MODELS.filter(
    (m) => plan.allowedModels.length === 0 || (plan.allowedModels as readonly string[]).includes(m.id),
  );
  // Each tenant has its own taste in models.
  return allowed.map((m) => [m, 0.3 + rnd.next()] as const);
}

export function generateUsage(
  tenant: DemoTenant,
  keys: UsageKeys,
  timeline: Timeline,
  now: Date,
): DemoUsageEvent[] {
  const rnd = seededRandom(seedOf(`usage:${tenant.slug}`));
  const plan = demoPlan(tenant.plan);
  const models = modelsFor(tenant, rnd);
  const features = plan.features.filter((f) => f !== "batch" && f !== "fine_tuning");
  const spikeDay = rnd.int(10, 60);
  const from = timeline.usageFrom.getTime();
  const until = Math.min(now.getTime(), timeline.blockedFrom?.getTime() ?? Infinity);
  const weekdayOf = new Intl.DateTimeFormat("en-US", { weekday: "short", timeZone: tenant.timeZone });
  let n = 0;
  // Each call at the price in force when it happened, as usage is charged (lib/decisions/cost.ts).
  const catalog = demoCatalog(now);
  const make: Make = (occurredAt, model, feature, inputTokens, outputTokens) => {
    const old = keys.oldKeyId && timeline.extraKeyAt && occurredAt < timeline.extraKeyAt && rnd.next() < 0.3;
    return {
      tenantId: keys.tenantId,
      apiKeyId: old ? keys.oldKeyId! : keys.apiKeyId,
      requestId: `req_${tenant.slug}_${++n}`,
      model: model.id,
      feature,
      inputTokens,
      outputTokens,
      cost: callCost(priceAt(catalog.get(model.id)!, occurredAt), { inputTokens, outputTokens }),
      occurredAt,
      receivedAt: new Date(occurredAt.getTime() + 800 + rnd.int(0, 2000)),
    };
  };
  let events: DemoUsageEvent[] = [];

  for (let ago = 89; ago >= 0; ago--) {
    const day = localDay(new Date(now.getTime() - ago * DAY_MS), tenant.timeZone);
    const weekday = weekdayOf.format(new Date(day.start.getTime() + 12 * 3_600_000));
    const weekend = weekday === "Sat" || weekday === "Sun";
    const growth = 0.7 + 0.4 * ((89 - ago) / 89);
    const spike = ago === spikeDay ? 4 : 1;
    const calls = Math.round(
      tenant.callsPerDay * growth * spike * (weekend ? 0.45 : 1) * (0.8 + rnd.next() * 0.4),
    );
    for (let i = 0; i < calls; i++) {
      const at = day.start.getTime() + rnd.weighted(HOUR_WEIGHTS) * 3_600_000 + rnd.int(0, 3_599_999);
      const input = Math.min(
        rnd.next() < 0.15 ? rnd.int(8_000, 24_000) : rnd.int(500, 6_000),
        plan.maxContextTokens - 2_500,
      );
      const model = rnd.weighted(models);
      const feature = rnd.pick(features);
      const output = rnd.int(100, 2_500);
      if (at >= from && at < until && at < day.end.getTime())
        events.push(make(new Date(at), model, feature, input, output));
    }
  }
  events.sort(byTime);
  if (plan.quotaMode === "HARD")
    events = withinQuota(events, tenant.timeZone, BigInt(plan.monthlyTokenQuota));
  if (tenant.quotaShare !== undefined) events.push(...fillQuota(tenant, now, rnd, models, events, make));
  if (tenant.dailySpendCapUsd !== undefined)
    events = fillSpendToday(tenant, timeline, now, rnd, events, make);
  return events.sort(byTime);
}

const byTime = (a: DemoUsageEvent, b: DemoUsageEvent) => a.occurredAt.getTime() - b.occurredAt.getTime();
const tokensOf = (e: DemoUsageEvent) => BigInt(e.inputTokens + e.outputTokens);

/** Drops (in time order) the calls a HARD quota would have refused. */
function withinQuota(sorted: DemoUsageEvent[], timeZone: string, limit: bigint): DemoUsageEvent[] {
  const used = new Map<string, bigint>();
  return sorted.filter((e) => {
    // The local "YYYY-MM" names the quota month (cheaper than a zone-aware startOfMonth per call).
    const month = localDate(e.occurredAt, timeZone).slice(0, 7);
    const next = (used.get(month) ?? 0n) + tokensOf(e);
    if (next > limit) return false;
    used.set(month, next);
    return true;
  });
}

/** Adds large calls since the start of this quota month until exactly `quotaShare` of it is used. */
function fillQuota(
  tenant: DemoTenant,
  now: Date,
  rnd: Random,
  models: ReturnType<typeof modelsFor>,
  events: DemoUsageEvent[],
  make: Make,
): DemoUsageEvent[] {
  const plan = demoPlan(tenant.plan);
  const period = quotaPeriod(now, tenant.timeZone);
  const used = events
    .filter((e) => e.occurredAt >= period.start)
    .reduce((s, e) => s + e.inputTokens + e.outputTokens, 0);
  let missing = Math.floor(Number(plan.monthlyTokenQuota) * tenant.quotaShare!) - used;
  const perCall = plan.maxContextTokens - 1;
  const span = now.getTime() - period.start.getTime();
  const extra: DemoUsageEvent[] = [];
  while (missing > 0) {
    const tokens = Math.min(perCall, missing);
    const output = Math.floor(tokens / 5);
    extra.push(
      make(
        new Date(period.start.getTime() + Math.floor(rnd.next() * span)),
        rnd.weighted(models),
        "chat",
        tokens - output,
        output,
      ),
    );
    missing -= tokens;
  }
  return extra;
}

/**
 * Today's calls (tenant-local) up to the daily cap, then BUDGET_CALLs until one more would pass
 * it. Any order of calls whose total is within the cap passed the cap check, so every call kept
 * was allowed, and the next BUDGET_CALL is refused with budget_exceeded.
 */
function fillSpendToday(
  tenant: DemoTenant,
  timeline: Timeline,
  now: Date,
  rnd: Random,
  sorted: DemoUsageEvent[],
  make: Make,
): DemoUsageEvent[] {
  const since = timeline.spendCapSince!;
  const cap = usdToMicros(tenant.dailySpendCapUsd!);
  let spent = 0n;
  const kept = sorted.filter((e) => {
    if (e.occurredAt < since) return true;
    if (spent + e.cost > cap) return false;
    spent += e.cost;
    return true;
  });
  const model = DEMO_MODELS.find((m) => m.id === BUDGET_CALL.model)!;
  const cost = callCost(priceAt(demoCatalog(now).get(model.id)!, now), BUDGET_CALL);
  const span = Math.max(1, now.getTime() - since.getTime());
  for (; spent + cost <= cap; spent += cost) {
    kept.push(
      make(
        new Date(since.getTime() + Math.floor(rnd.next() * span)),
        model,
        "chat",
        BUDGET_CALL.inputTokens,
        BUDGET_CALL.outputTokens,
      ),
    );
  }
  return kept;
}
