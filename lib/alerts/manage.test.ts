// Managing alert rules and channels against real PostgreSQL: forms convert and refuse like the
// pages show, a new or edited rule is evaluated at once, a webhook secret is returned once and
// never read back, and one tenant can never touch another's rule, channel or delivery.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createRule, deleteRule, setRuleEnabled, updateRule } from "@/lib/alerts/manage";
import { createChannel, deleteChannel } from "@/lib/alerts/manage-channels";
import { channelForm, ruleForm, thresholdInput } from "@/lib/alerts/manage-forms";
import { alertHistory, deliveryLog, firingAlerts, listChannels, listRules } from "@/lib/alerts/queries";
import { createPool } from "@/lib/db/pool";
import { prismaRunner } from "@/lib/db/sql-runner";
import { PAGERDUTY_EVENTS_URL } from "@/lib/notify/channels/pagerduty";
import { retryDeadDelivery } from "@/lib/notify/retry-delivery";
import { sendTestNotification } from "@/lib/notify/send-test";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { createTenantWithKey } from "@/test/fixtures";

const APP = { appUrl: "http://tollgate.test" };
const actor = { kind: "USER" as const, id: null, ip: "127.0.0.1" };
const rule = (fields: Record<string, unknown>) => ruleForm.parse({ resolveMarginPct: "20", ...fields });
const webhook = (target: string, extra: Record<string, unknown> = {}) =>
  channelForm.parse({ kind: "WEBHOOK", name: "ops", target, ...extra });
/** What a refused field throws: validation_failed naming it, the form's sentence as the detail. */
const invalid = (path: string, message: string) => ({
  code: "validation_failed",
  detail: message,
  extensions: { errors: [{ path, message }] },
});

describe("alert forms", () => {
  it.each([
    [{ kind: "BALANCE_BELOW", threshold: "12.50" }, 12_500_000n, "Balance below $12.50"],
    [{ kind: "BALANCE_BELOW", threshold: "$1,000" }, 1_000_000_000n, "Balance below $1,000.00"],
    [{ kind: "QUOTA_USED_PCT", threshold: "80" }, 80n, "Quota used 80 % of monthly quota"],
    [{ kind: "CARD_EXPIRED", threshold: "" }, 0n, "Card expired"],
    [
      { kind: "REFUSALS", threshold: "5", windowMinutes: "10", refusalCode: "quota_exceeded" },
      5n,
      "Refused calls 5 refused calls",
    ],
  ])("%o → threshold %s", (fields, threshold, name) => {
    const parsed = rule(fields);
    expect(parsed.threshold).toBe(threshold);
    expect(parsed.name).toBe(name);
  });

  it.each([
    [{ kind: "BALANCE_BELOW", threshold: "ten" }, "threshold"],
    [{ kind: "BALANCE_BELOW", threshold: "0" }, "threshold"],
    [{ kind: "QUOTA_USED_PCT", threshold: "80.5" }, "threshold"],
    [{ kind: "DAYS_LEFT_BELOW", threshold: "0" }, "threshold"],
    [{ kind: "REFUSALS", threshold: "5" }, "windowMinutes"],
    [{ kind: "QUOTA_USED_PCT", threshold: "80", resolveMarginPct: "101" }, "resolveMarginPct"],
    [{ kind: "NOPE", threshold: "1" }, "kind"],
  ])("%o is refused on %s", (fields, field) => {
    const r = ruleForm.safeParse({ resolveMarginPct: "20", ...fields });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path[0])).toContain(field);
  });

  it("keeps refusal settings only on refusal rules and shows a balance threshold in dollars", () => {
    expect(
      rule({ kind: "QUOTA_USED_PCT", threshold: "80", windowMinutes: "10", refusalCode: "rate_limited" }),
    ).toMatchObject({ windowMinutes: null, refusalCode: null });
    expect(thresholdInput("BALANCE_BELOW", 12_500_000n)).toBe("12.50");
    expect(thresholdInput("QUOTA_USED_PCT", 80n)).toBe("80");
  });

  it.each([
    [{ kind: "EMAIL", name: "ops", target: "not-an-address" }, "target"],
    [{ kind: "WEBHOOK", name: "ops", target: "ftp://x" }, "target"],
    [{ kind: "SLACK", name: "", target: "https://hooks.slack.com/services/x" }, "name"],
    [{ kind: "PAGERDUTY", name: "pd", target: "", routingKey: "" }, "routingKey"],
  ])("channel %o is refused on %s", (fields, field) => {
    const r = channelForm.safeParse(fields);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path[0])).toContain(field);
  });
});

describe("managing alerts", () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    db = await createTestDatabase("alerts_manage");
    pool = createPool(db.url, 4);
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });
  let n = 0;
  const tenant = (available: bigint) =>
    createTenantWithKey(db.prisma, { slug: `m${++n}`, available, planKey: `plan-m${n}` });
  const audits = (targetId: string) =>
    db.prisma.auditLog
      .findMany({ where: { targetId }, orderBy: { id: "asc" } })
      .then((r) => r.map((a) => a.action));

  it("evaluates a rule when it is created and edited: a $10 rule over a $5 balance fires at once, a $2 one resolves", async () => {
    const t = await tenant(5_000_000n);
    const ch = await createChannel(db.prisma, actor, t.tenant.id, webhook("https://hooks.example.com/a"), {
      allowPrivate: false,
    });
    const channelId = ch.id;
    const created = await createRule(
      db.prisma,
      actor,
      t.tenant.id,
      rule({ kind: "BALANCE_BELOW", threshold: "10", channelIds: [channelId] }),
      APP,
    );
    const [r] = await listRules(db.prisma, t.tenant.id);
    expect(r).toMatchObject({
      state: "FIRING",
      threshold: 10_000_000n,
      lastValue: 5_000_000n,
      channels: [{ channel: { id: channelId, kind: "WEBHOOK" } }],
    });
    expect(
      await db.prisma.notificationDelivery.count({ where: { tenantId: t.tenant.id, status: "PENDING" } }),
    ).toBe(1);

    const edited = await updateRule(
      db.prisma,
      actor,
      t.tenant.id,
      created.id,
      rule({ kind: "BALANCE_BELOW", threshold: "2", name: "Low", channelIds: [] }),
      APP,
    );
    expect(edited).toEqual({ id: created.id });
    const [after] = await listRules(db.prisma, t.tenant.id);
    expect(after).toMatchObject({ name: "Low", state: "RESOLVED", threshold: 2_000_000n, channels: [] });
    expect((await alertHistory(db.prisma, t.tenant.id)).map((e) => e.kind)).toEqual(["RESOLVED", "FIRING"]);

    await expect(
      updateRule(
        db.prisma,
        actor,
        t.tenant.id,
        created.id,
        rule({ kind: "QUOTA_USED_PCT", threshold: "80" }),
        APP,
      ),
    ).rejects.toMatchObject(invalid("kind", "A rule's kind cannot change: create a new rule instead."));
    expect(await setRuleEnabled(db.prisma, actor, t.tenant.id, created.id, false, APP)).toEqual({
      id: created.id,
    });
    expect((await listRules(db.prisma, t.tenant.id))[0]!.enabled).toBe(false);
    expect(await setRuleEnabled(db.prisma, actor, t.tenant.id, created.id, false, APP)).toEqual({
      id: created.id,
    });
    expect(await deleteRule(db.prisma, actor, t.tenant.id, created.id)).toEqual({ id: created.id });
    expect(await listRules(db.prisma, t.tenant.id)).toEqual([]);
    expect(await audits(created.id)).toEqual([
      "alert_rule.create",
      "alert_rule.update",
      "alert_rule.disable",
      "alert_rule.delete",
    ]);
  });

  it("returns a webhook secret once, never lists it, checks URLs and attaches a new channel to every rule on request", async () => {
    const t = await tenant(50_000_000n);
    await createRule(db.prisma, actor, t.tenant.id, rule({ kind: "QUOTA_USED_PCT", threshold: "80" }), APP);
    await createRule(db.prisma, actor, t.tenant.id, rule({ kind: "CARD_EXPIRED" }), APP);
    const created = await createChannel(
      db.prisma,
      actor,
      t.tenant.id,
      webhook("https://hooks.example.com/b", { attachToAll: "on" }),
      { allowPrivate: false },
    );
    expect(created.secret).toMatch(/^whsec_/);
    expect(created.attachedRules).toBe(2);
    const listed = await listChannels(db.prisma, t.tenant.id);
    expect(listed).toEqual([expect.objectContaining({ id: created.id, ruleCount: 2 })]);
    expect(JSON.stringify(listed)).not.toContain(created.secret!);
    expect(
      JSON.stringify(
        (await db.prisma.auditLog.findMany({ where: { targetId: created.id } })).map((a) => a.after),
      ),
    ).not.toContain(created.secret!);

    const channelsBefore = await db.prisma.notificationChannel.count({ where: { tenantId: t.tenant.id } });
    await expect(
      createChannel(db.prisma, actor, t.tenant.id, webhook("http://127.0.0.1:9/x"), {
        allowPrivate: false,
      }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      detail: expect.stringMatching(/^The URL /),
      extensions: { errors: [{ path: "target", message: expect.stringMatching(/^The URL /) }] },
    });
    expect(await db.prisma.notificationChannel.count({ where: { tenantId: t.tenant.id } })).toBe(
      channelsBefore,
    );
    expect(
      await createChannel(db.prisma, actor, t.tenant.id, webhook("http://127.0.0.1:9/x"), {
        allowPrivate: true,
      }),
    ).toMatchObject({ id: expect.any(String), target: "http://127.0.0.1:9/x" });
    const pd = await createChannel(
      db.prisma,
      actor,
      t.tenant.id,
      channelForm.parse({
        kind: "PAGERDUTY",
        name: "pd",
        target: "",
        routingKey: "R0UTINGKEY0123456789abcdefABCDEF",
      }),
      { allowPrivate: false },
    );
    expect(pd).toMatchObject({ target: PAGERDUTY_EVENTS_URL, secret: null });
    const stored = await db.prisma.notificationChannel.findUniqueOrThrow({ where: { id: pd.id } });
    expect(stored.secret).toBe("R0UTINGKEY0123456789abcdefABCDEF");

    expect(await deleteChannel(db.prisma, actor, t.tenant.id, created.id)).toEqual({ id: created.id });
    expect(await db.prisma.alertRuleChannel.count({ where: { channelId: created.id } })).toBe(0);
  });

  it("lists deliveries with their payload and attempts, firing alerts across tenants, and retries a dead delivery", async () => {
    const t = await tenant(1_000_000n);
    const ch = await createChannel(db.prisma, actor, t.tenant.id, webhook("https://hooks.example.com/c"), {
      allowPrivate: false,
    });
    const channelId = ch.id;
    const r = await createRule(
      db.prisma,
      actor,
      t.tenant.id,
      rule({ kind: "BALANCE_BELOW", threshold: "5", channelIds: [channelId] }),
      APP,
    );
    const [d] = await db.prisma.notificationDelivery.findMany({ where: { tenantId: t.tenant.id } });
    await db.prisma.notificationDelivery.update({
      where: { id: d!.id },
      data: { status: "DEAD", attempts: 2, responseCode: 500, responseBody: "boom" },
    });
    await db.prisma.notificationAttempt.createMany({
      data: [1, 2].map((attempt) => ({
        deliveryId: d!.id,
        attempt,
        ok: false,
        responseCode: 500,
        responseBody: "boom",
        latencyMs: 12,
      })),
    });

    const [row] = await deliveryLog(db.prisma, t.tenant.id);
    expect(row).toMatchObject({
      id: d!.id,
      status: "DEAD",
      payload: { type: "alert.firing", rule: { kind: "BALANCE_BELOW" } },
      channel: { id: channelId },
      log: [
        { attempt: 1, responseCode: 500 },
        { attempt: 2, responseBody: "boom" },
      ],
    });
    expect((await deliveryLog(db.prisma, null, { status: "DEAD" })).map((x) => x.id)).toContain(d!.id);
    expect((await firingAlerts(db.prisma)).map((f) => f.id)).toContain(r.id);

    expect(
      await db.prisma.$transaction((tx) => retryDeadDelivery(prismaRunner(tx), d!.id, t.tenant.id)),
    ).toBe("queued");
    expect(
      await db.prisma.$transaction((tx) => retryDeadDelivery(prismaRunner(tx), d!.id, t.tenant.id)),
    ).toBe("not_dead");
  });

  it("never lets one tenant touch another's rule, channel or delivery: not found", async () => {
    const a = await tenant(1_000_000n);
    const b = await tenant(1_000_000n);
    const bChannel = await createChannel(
      db.prisma,
      actor,
      b.tenant.id,
      webhook("https://hooks.example.com/b"),
      { allowPrivate: false },
    );
    const bChannelId = bChannel.id;
    const bRule = await createRule(
      db.prisma,
      actor,
      b.tenant.id,
      rule({ kind: "BALANCE_BELOW", threshold: "5", channelIds: [bChannelId] }),
      APP,
    );
    const bRuleId = bRule.id;
    const [bDelivery] = await db.prisma.notificationDelivery.findMany({ where: { tenantId: b.tenant.id } });
    await db.prisma.notificationDelivery.update({ where: { id: bDelivery!.id }, data: { status: "DEAD" } });

    const notFound = (what: string) => ({ code: "not_found", detail: `No such ${what}.` });
    await expect(
      updateRule(
        db.prisma,
        actor,
        a.tenant.id,
        bRuleId,
        rule({ kind: "BALANCE_BELOW", threshold: "1" }),
        APP,
      ),
    ).rejects.toMatchObject(notFound("rule"));
    await expect(setRuleEnabled(db.prisma, actor, a.tenant.id, bRuleId, false, APP)).rejects.toMatchObject(
      notFound("rule"),
    );
    await expect(deleteRule(db.prisma, actor, a.tenant.id, bRuleId)).rejects.toMatchObject(notFound("rule"));
    await expect(deleteChannel(db.prisma, actor, a.tenant.id, bChannelId)).rejects.toMatchObject(
      notFound("channel"),
    );
    await expect(
      createRule(
        db.prisma,
        actor,
        a.tenant.id,
        rule({ kind: "BALANCE_BELOW", threshold: "5", channelIds: [bChannelId] }),
        APP,
      ),
    ).rejects.toMatchObject(invalid("channelIds", "A chosen channel does not exist."));
    expect(
      await db.prisma.$transaction((tx) => retryDeadDelivery(prismaRunner(tx), bDelivery!.id, a.tenant.id)),
    ).toBe("not_found");
    expect(
      await sendTestNotification(
        pool,
        { allowPrivate: false, emailFrom: "x@y.z" },
        bChannelId,
        a.tenant.id,
        APP.appUrl,
      ),
    ).toBeNull();
    expect(await listRules(db.prisma, a.tenant.id)).toEqual([]);
    expect(await listChannels(db.prisma, a.tenant.id)).toEqual([]);
    expect(await deliveryLog(db.prisma, a.tenant.id)).toEqual([]);
    expect(await alertHistory(db.prisma, a.tenant.id)).toEqual([]);

    // B's rows are untouched.
    expect((await listRules(db.prisma, b.tenant.id))[0]).toMatchObject({
      id: bRuleId,
      enabled: true,
      threshold: 5_000_000n,
      channels: [{ channel: { id: bChannelId } }],
    });
    expect((await deliveryLog(db.prisma, b.tenant.id))[0]).toMatchObject({ status: "DEAD" });
  });
});
