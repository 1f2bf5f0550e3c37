// Alert rules against real PostgreSQL: every kind fires on the write (or minute) that crosses it
// and resolves past its margin; racing writes make one transition; the delivery is enqueued in
// the same transaction as the event.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DecisionRecorder } from "@/lib/authorize/recorder";
import { createPool } from "@/lib/db/pool";
import { QUEUES } from "@/lib/jobs/queues";
import { grantCredits } from "@/lib/ledger/grant-credits";
import { ingestUsage } from "@/lib/usage/ingest-usage";
import { runMinutely } from "@/lib/worker/periodic";
import { createChannel, createRule, eventsOf } from "@/test/alert-fixtures";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { createTenantWithKey } from "@/test/fixtures";

const APP = "http://tollgate.test";
const admin = { kind: "SYSTEM" as const, id: null, ip: null };
const DAY = 86_400_000;

describe("alert evaluation", () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    db = await createTestDatabase("alerts");
    pool = createPool(db.url, 12);
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  type T = Awaited<ReturnType<typeof createTenantWithKey>>;
  let n = 0;
  const tenant = (available: bigint, slug = `t${++n}`) =>
    createTenantWithKey(db.prisma, { slug, available, planKey: `plan-${slug}` });
  // 1,000 in + 200 out of gpt-4o-mini: 1,200 tokens, 270 µUSD.
  const use = (t: T, count = 1, now = new Date()) =>
    ingestUsage(
      { prisma: db.prisma, pool },
      { tenantId: t.tenant.id, apiKeyId: t.apiKey.id, timeZone: t.tenant.timeZone },
      Array.from({ length: count }, () => ({
        requestId: `u-${++n}`,
        model: "gpt-4o-mini",
        inputTokens: 1000,
        outputTokens: 200,
        occurredAt: now.toISOString(),
      })),
      now,
    );
  const grant = (t: T, amount: bigint, now = new Date()) =>
    grantCredits(
      db.prisma,
      admin,
      { tenantId: t.tenant.id, amount, reason: "test", idempotencyKey: `g-${++n}`, expiresAt: null },
      now,
    );
  const allNotifyJobs = async () =>
    (await pool.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1`, [QUEUES.notify])).rows[0]
      .n as number;
  const jobsFor = async (deliveryIds: string[]) =>
    (
      await pool.query(
        `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND data->>'deliveryId' = ANY($2)`,
        [QUEUES.notify, deliveryIds],
      )
    ).rows[0].n as number;

  it("fires a balance rule on the usage batch that crosses it, once however many batches race, and resolves only past the margin", async () => {
    const t = await tenant(5_500n);
    const channel = await createChannel(db.prisma, t.tenant.id, "https://hooks.example.com/a");
    const rule = await createRule(db.prisma, t.tenant.id, "BALANCE_BELOW", 5_000n, [channel.id]);
    await Promise.all(Array.from({ length: 10 }, () => use(t)));
    expect(await eventsOf(db.prisma, rule.id)).toEqual(["FIRING"]);
    const deliveries = await db.prisma.notificationDelivery.findMany({ where: { tenantId: t.tenant.id } });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({
      channelId: channel.id,
      status: "PENDING",
      payload: {
        type: "alert.firing",
        rule: { kind: "BALANCE_BELOW", threshold: 5_000 },
        value: 4_960,
        url: expect.stringMatching(/\/app\/alerts$/),
      },
    });
    expect(await jobsFor(deliveries.map((d) => d.id))).toBe(1);

    await grant(t, 3_000n); // 5,800: above the threshold, short of the 20% margin (6,000)
    expect(await eventsOf(db.prisma, rule.id)).toEqual(["FIRING"]);
    await grant(t, 200n); // 6,000
    expect(await eventsOf(db.prisma, rule.id)).toEqual(["FIRING", "RESOLVED"]);
    const both = await db.prisma.notificationDelivery.findMany({ where: { tenantId: t.tenant.id } });
    expect(both).toHaveLength(2);
    expect(await jobsFor(both.map((d) => d.id))).toBe(2); // the grant's, enqueued through its Prisma transaction
    expect((await db.prisma.alertRule.findUniqueOrThrow({ where: { id: rule.id } })).state).toBe("RESOLVED");
  });

  it("notifies nobody when the write that crossed the rule rolls back", async () => {
    const t = await tenant(5_100n);
    const channel = await createChannel(db.prisma, t.tenant.id, "https://hooks.example.com/b");
    const rule = await createRule(db.prisma, t.tenant.id, "BALANCE_BELOW", 5_000n, [channel.id]);
    const jobsBefore = await allNotifyJobs();
    await db.prisma.$executeRawUnsafe(
      `CREATE OR REPLACE FUNCTION fail_usage() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'boom'; END $$ LANGUAGE plpgsql`,
    );
    // Fails at COMMIT, after the event, the delivery and its job were written.
    await db.prisma.$executeRawUnsafe(
      `CREATE CONSTRAINT TRIGGER fail_usage AFTER INSERT ON "AlertEvent" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW."tenantId" = '${t.tenant.id}') EXECUTE FUNCTION fail_usage()`,
    );
    await expect(use(t)).rejects.toThrow(/boom/);
    await db.prisma.$executeRawUnsafe(`DROP TRIGGER fail_usage ON "AlertEvent"`);
    expect(await eventsOf(db.prisma, rule.id)).toEqual([]);
    expect(await db.prisma.notificationDelivery.count({ where: { tenantId: t.tenant.id } })).toBe(0);
    expect(await allNotifyJobs()).toBe(jobsBefore);
  });

  it("fires quota, days-left and top-up-share rules on usage, and resolves them on a grant or a bigger quota", async () => {
    const t = await tenant(0n);
    await grant(t, 10_000n);
    await db.prisma.plan.update({ where: { id: t.plan.id }, data: { monthlyTokenQuota: 10_000n } });
    const quota = await createRule(db.prisma, t.tenant.id, "QUOTA_USED_PCT", 80n);
    const days = await createRule(db.prisma, t.tenant.id, "DAYS_LEFT_BELOW", 3n);
    const share = await createRule(db.prisma, t.tenant.id, "BALANCE_BELOW_TOPUP_PCT", 10n);
    await use(t, 6); // 7,200 tokens (72%), 1,620 spent → burn 231/day, 8,380 left = 36 days, 84% of the top-up
    expect([
      await eventsOf(db.prisma, quota.id),
      await eventsOf(db.prisma, days.id),
      await eventsOf(db.prisma, share.id),
    ]).toEqual([[], [], []]);
    await use(t, 1); // 8,400 tokens: 84%
    expect(await eventsOf(db.prisma, quota.id)).toEqual(["FIRING"]);
    await use(t, 28); // 36,000 tokens, 9,450 spent: 550 left = 0.4 days at 1,350/day, 5.5% of the top-up
    expect(await eventsOf(db.prisma, days.id)).toEqual(["FIRING"]);
    expect(await eventsOf(db.prisma, share.id)).toEqual(["FIRING"]);
    await grant(t, 10_000n); // 10,550 = 7.8 days; 105% of the new top-up
    expect(await eventsOf(db.prisma, days.id)).toEqual(["FIRING", "RESOLVED"]);
    expect(await eventsOf(db.prisma, share.id)).toEqual(["FIRING", "RESOLVED"]);
    await db.prisma.plan.update({ where: { id: t.plan.id }, data: { monthlyTokenQuota: 1_000_000n } });
    await use(t, 1);
    expect(await eventsOf(db.prisma, quota.id)).toEqual(["FIRING", "RESOLVED"]);
  });

  it("fires card, past-due and grace rules in the minutely sweep, and resolves them when billing recovers", async () => {
    const now = new Date("2026-11-25T12:00:00Z");
    const t = await tenant(1_000_000n);
    await db.prisma.plan.update({ where: { id: t.plan.id }, data: { pastDueGraceDays: 2 } });
    const card = await db.prisma.paymentMethod.create({
      data: {
        tenantId: t.tenant.id,
        stripePaymentMethodId: `pm_${n}`,
        brand: "visa",
        last4: "4242",
        expMonth: 11,
        expYear: 2026,
        isDefault: true,
      },
    });
    const sub = await db.prisma.subscription.create({ data: { tenantId: t.tenant.id, status: "active" } });
    const expiring = await createRule(db.prisma, t.tenant.id, "CARD_EXPIRING", 30n);
    const expired = await createRule(db.prisma, t.tenant.id, "CARD_EXPIRED", 0n);
    const pastDue = await createRule(db.prisma, t.tenant.id, "SUBSCRIPTION_PAST_DUE", 0n);
    const grace = await createRule(db.prisma, t.tenant.id, "GRACE_ENDING", 24n);

    await runMinutely(pool, APP, now); // the card ends with November: 6 days left
    expect(await eventsOf(db.prisma, expiring.id)).toEqual(["FIRING"]);
    expect(await eventsOf(db.prisma, expired.id)).toEqual([]);
    await runMinutely(pool, APP, new Date("2026-12-01T00:00:00Z"));
    expect(await eventsOf(db.prisma, expired.id)).toEqual(["FIRING"]);
    await db.prisma.paymentMethod.update({ where: { id: card.id }, data: { expYear: 2030 } });
    await runMinutely(pool, APP, new Date("2026-12-01T00:01:00Z"));
    expect(await eventsOf(db.prisma, expiring.id)).toEqual(["FIRING", "RESOLVED"]);
    expect(await eventsOf(db.prisma, expired.id)).toEqual(["FIRING", "RESOLVED"]);

    await db.prisma.subscription.update({
      where: { id: sub.id },
      data: { status: "past_due", pastDueSince: new Date(now.getTime() - 1.5 * DAY) },
    });
    await runMinutely(pool, APP, now); // 12 hours of grace left
    expect(await eventsOf(db.prisma, pastDue.id)).toEqual(["FIRING"]);
    expect(await eventsOf(db.prisma, grace.id)).toEqual(["FIRING"]);
    await db.prisma.subscription.update({
      where: { id: sub.id },
      data: { status: "active", pastDueSince: null },
    });
    await runMinutely(pool, APP, now);
    expect(await eventsOf(db.prisma, pastDue.id)).toEqual(["FIRING", "RESOLVED"]);
    expect(await eventsOf(db.prisma, grace.id)).toEqual(["FIRING", "RESOLVED"]);
  });

  it("fires a refusal rule in the transaction that records the refusals, and resolves it when the window drains", async () => {
    const t = await tenant(0n);
    const rule = await createRule(db.prisma, t.tenant.id, "REFUSALS", 3n, [], {
      windowMinutes: 5,
      refusalCode: "credits_exhausted",
    });
    const recorder = new DecisionRecorder(() => pool, { maxDelayMs: 10_000, maxBatch: 1_000, appUrl: APP });
    const now = new Date();
    const refusal = (code: string) =>
      recorder.record({
        id: `dec_${++n}`,
        tenantId: t.tenant.id,
        apiKeyId: t.apiKey.id,
        requestId: `r-${n}`,
        model: "gpt-4o-mini",
        feature: null,
        allowed: false,
        code,
        httpStatus: 402,
        cost: null,
        details: {},
        createdAt: now,
      });
    refusal("credits_exhausted");
    refusal("credits_exhausted");
    refusal("rate_limited");
    await recorder.flush();
    expect(await eventsOf(db.prisma, rule.id)).toEqual([]);
    refusal("credits_exhausted");
    await recorder.flush();
    expect(await eventsOf(db.prisma, rule.id)).toEqual(["FIRING"]);
    await runMinutely(pool, APP, new Date(now.getTime() + 6 * 60_000));
    expect(await eventsOf(db.prisma, rule.id)).toEqual(["FIRING", "RESOLVED"]);
  });

  it("makes one transition per rule and one delivery per channel when usage, a grant and recorded refusals race on one tenant", async () => {
    const t = await tenant(5_500n);
    const channels = [
      await createChannel(db.prisma, t.tenant.id, "https://hooks.example.com/race-a"),
      await createChannel(db.prisma, t.tenant.id, "https://hooks.example.com/race-b", "SLACK"),
    ];
    const ids = channels.map((c) => c.id);
    // Whatever the order: the balance ends at 3,800 and, once below 5,000, never climbs back to the
    // 6,000 resolve point (the grant lifts it by 1,000 from at most 4,960); the refusals reach 3.
    const balance = await createRule(db.prisma, t.tenant.id, "BALANCE_BELOW", 5_000n, ids);
    const refusals = await createRule(db.prisma, t.tenant.id, "REFUSALS", 3n, ids, {
      windowMinutes: 5,
      refusalCode: "credits_exhausted",
    });
    const now = new Date();
    const recorders = Array.from(
      { length: 4 },
      () => new DecisionRecorder(() => pool, { maxDelayMs: 10_000, maxBatch: 1_000, appUrl: APP }),
    );
    for (const r of recorders) {
      for (let i = 0; i < 2; i++) {
        r.record({
          id: `dec_${++n}`,
          tenantId: t.tenant.id,
          apiKeyId: t.apiKey.id,
          requestId: `r-${n}`,
          model: "gpt-4o-mini",
          feature: null,
          allowed: false,
          code: "credits_exhausted",
          httpStatus: 402,
          cost: null,
          details: {},
          createdAt: now,
        });
      }
    }
    await Promise.all([
      ...Array.from({ length: 10 }, () => use(t)),
      grant(t, 1_000n),
      ...recorders.map((r) => r.flush()),
    ]);

    expect(
      (await db.prisma.creditBalance.findUniqueOrThrow({ where: { tenantId: t.tenant.id } })).available,
    ).toBe(3_800n);
    expect(
      await db.prisma.decision.count({ where: { tenantId: t.tenant.id, code: "credits_exhausted" } }),
    ).toBe(8);
    expect(await eventsOf(db.prisma, balance.id)).toEqual(["FIRING"]);
    expect(await eventsOf(db.prisma, refusals.id)).toEqual(["FIRING"]);
    const events = await db.prisma.alertEvent.findMany({
      where: { tenantId: t.tenant.id },
      include: { deliveries: true },
    });
    for (const e of events) expect(e.deliveries.map((d) => d.channelId).sort()).toEqual([...ids].sort());
    const deliveries = events.flatMap((e) => e.deliveries.map((d) => d.id));
    expect(deliveries).toHaveLength(4);
    expect(await jobsFor(deliveries)).toBe(4);
  });

  it("sends one FIRING and at most one RESOLVED for a balance oscillating around the threshold 100 times", async () => {
    const t = await tenant(5_000n);
    const rule = await createRule(db.prisma, t.tenant.id, "BALANCE_BELOW", 5_000n, [], {
      resolveMarginPct: 20,
    });
    for (let i = 0; i < 50; i++) {
      await use(t); // 4,730: below
      await grant(t, 270n); // 5,000: back at the threshold, inside the margin
    }
    expect(await eventsOf(db.prisma, rule.id)).toEqual(["FIRING"]);
  });
});
