// 90 days of demo usage for one tenant: weekday/weekend and business-hour patterns, slow growth,
// one spike, and (for the quota stories) enough large calls this month to reach a set share of
// the quota. Rollups and quota rows are derived from the very events returned, so they agree.
import { callCost } from "@/lib/decisions/cost";
import { DEMO_MODELS, demoPlan } from "@/lib/demo/catalog";
import type { DemoTenant } from "@/lib/demo/accounts";
import { seededRandom, seedOf, type Random } from "@/lib/demo/random";
import { localDay, quotaPeriod } from "@/lib/time/tenant-calendar";

export type DemoUsageEvent = {
  tenantId: string; apiKeyId: string; requestId: string; model: string; feature: string;
  inputTokens: number; outputTokens: number; cost: bigint; occurredAt: Date; receivedAt: Date;
};

const DAY_MS = 86_400_000;
const HOUR_WEIGHTS = Array.from({ length: 24 }, (_, h) => [h, h >= 9 && h <= 18 ? 6 : h >= 7 && h <= 22 ? 2 : 0.5] as const);

function modelsFor(tenant: DemoTenant, rnd: Random) {
  const plan = demoPlan(tenant.plan);
  const allowed = DEMO_MODELS.filter((m) => plan.allowedModels.length === 0 || (plan.allowedModels as readonly string[]).includes(m.id));
  // Each tenant has its own taste in models.
  return allowed.map((m) => [m, 0.3 + rnd.next()] as const);
}

export function generateUsage(tenant: DemoTenant, ids: { tenantId: string; apiKeyId: string }, now: Date): DemoUsageEvent[] {
  const rnd = seededRandom(seedOf(`usage:${tenant.slug}`));
  const plan = demoPlan(tenant.plan);
  const models = modelsFor(tenant, rnd);
  const features = plan.features.filter((f) => f !== "batch" && f !== "fine_tuning");
  const maxContext = plan.maxContextTokens;
  const spikeDay = rnd.int(10, 60);
  const weekdayOf = new Intl.DateTimeFormat("en-US", { weekday: "short", timeZone: tenant.timeZone });
  const events: DemoUsageEvent[] = [];
  const push = (occurredAt: Date, model: (typeof DEMO_MODELS)[number], feature: string, inputTokens: number, outputTokens: number) => {
    events.push({
      ...ids, requestId: `req_${tenant.slug}_${events.length + 1}`, model: model.id, feature, inputTokens, outputTokens,
      cost: callCost(model, inputTokens, outputTokens), occurredAt, receivedAt: new Date(occurredAt.getTime() + 800 + rnd.int(0, 2000)),
    });
  };

  for (let ago = 89; ago >= 0; ago--) {
    const day = localDay(new Date(now.getTime() - ago * DAY_MS), tenant.timeZone);
    const weekday = weekdayOf.format(new Date(day.start.getTime() + 12 * 3_600_000));
    const weekend = weekday === "Sat" || weekday === "Sun";
    const growth = 0.7 + 0.4 * ((89 - ago) / 89);
    const spike = ago === spikeDay ? 4 : 1;
    const calls = Math.round(tenant.callsPerDay * growth * spike * (weekend ? 0.45 : 1) * (0.8 + rnd.next() * 0.4));
    for (let i = 0; i < calls; i++) {
      const hourMs = rnd.weighted(HOUR_WEIGHTS) * 3_600_000;
      const at = new Date(Math.min(day.start.getTime() + hourMs + rnd.int(0, 3_599_999), day.end.getTime() - 1));
      if (at >= now) continue;
      const input = Math.min(rnd.next() < 0.15 ? rnd.int(8_000, 24_000) : rnd.int(500, 6_000), maxContext - 2_500);
      push(at, rnd.weighted(models), rnd.pick(features), input, rnd.int(100, 2_500));
    }
  }
  if (tenant.quotaShare !== undefined) fillQuota(tenant, now, rnd, models, events, push);
  if (tenant.dailySpendCapUsd !== undefined) fillSpendToday(tenant, now, rnd, events, push);
  return events.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}

/** Adds large calls since the start of this quota month until exactly `quotaShare` of it is used. */
function fillQuota(
  tenant: DemoTenant, now: Date, rnd: Random, models: ReturnType<typeof modelsFor>, events: DemoUsageEvent[],
  push: (at: Date, model: (typeof DEMO_MODELS)[number], feature: string, input: number, output: number) => void,
) {
  const plan = demoPlan(tenant.plan);
  const period = quotaPeriod(now, tenant.timeZone);
  const used = events.filter((e) => e.occurredAt >= period.start).reduce((s, e) => s + e.inputTokens + e.outputTokens, 0);
  let missing = Math.floor(Number(plan.monthlyTokenQuota) * tenant.quotaShare!) - used;
  const perCall = plan.maxContextTokens - 1;
  const span = now.getTime() - period.start.getTime();
  while (missing > 0) {
    const tokens = Math.min(perCall, missing);
    const output = Math.floor(tokens / 5);
    push(new Date(period.start.getTime() + Math.floor(rnd.next() * span)), rnd.weighted(models), "chat", tokens - output, output);
    missing -= tokens;
  }
}

/** Adds calls today (tenant-local) until the day's spend reaches the tenant's daily cap. */
function fillSpendToday(
  tenant: DemoTenant, now: Date, rnd: Random, events: DemoUsageEvent[],
  push: (at: Date, model: (typeof DEMO_MODELS)[number], feature: string, input: number, output: number) => void,
) {
  const today = localDay(now, tenant.timeZone);
  const cap = BigInt(Math.round(tenant.dailySpendCapUsd! * 1_000_000));
  const model = DEMO_MODELS.find((m) => m.id === "claude-sonnet-4")!;
  let spent = events.filter((e) => e.occurredAt >= today.start).reduce((s, e) => s + e.cost, 0n);
  const span = Math.max(1, now.getTime() - today.start.getTime());
  while (spent < cap) {
    push(new Date(today.start.getTime() + Math.floor(rnd.next() * span)), model, "chat", 8_000, 2_000);
    spent += events.at(-1)!.cost;
  }
}
