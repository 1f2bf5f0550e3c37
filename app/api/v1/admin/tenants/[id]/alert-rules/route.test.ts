// /api/v1/admin/tenants/{id}/alert-rules[/{ruleId}] over real HTTP on PostgreSQL: a rule made,
// read, changed, switched off and deleted through the dashboard's own commands — checked with the
// dashboard form's sentences, evaluated at once (hysteresis included), audited with the operator's
// token as actor — a page at a time, and another tenant's rule not found.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ruleForm } from "@/lib/alerts/manage-forms";
import { alertRulePageSchema, alertRuleSchema, deletedSchema } from "@/lib/api/schemas/alerts";
import { rowCounts, startAdminServer, type AdminServer } from "@/test/admin-server";
import { createChannel } from "@/test/alert-fixtures";
import { createTenantWithKey } from "@/test/fixtures";

let s: AdminServer;
let n = 0;

beforeAll(async () => {
  s = await startAdminServer("admin_alert_rules");
});
afterAll(async () => {
  await s?.close();
});

const json = async (res: Response) => ({ status: res.status, body: await res.json() });
const tenant = async (available: bigint) =>
  (await createTenantWithKey(s.db.prisma, { slug: `rules-${++n}`, available })).tenant.id;
const rules = (tenantId: string) => `/api/v1/admin/tenants/${tenantId}/alert-rules`;
const post = (tenantId: string, body: unknown) => s.call("POST", rules(tenantId), body).then(json);
const patch = (tenantId: string, ruleId: string, body: unknown) =>
  s.call("PATCH", `${rules(tenantId)}/${ruleId}`, body).then(json);
const audits = (targetId: string) =>
  s.db.prisma.auditLog.findMany({ where: { targetId }, orderBy: { id: "asc" } });

describe("a rule's life through the admin API", () => {
  it("creates a rule that is evaluated at once and notifies its channel, audited with the operator as actor", async () => {
    const t = await tenant(5_000_000n);
    const channel = await createChannel(s.db.prisma, t, "https://hooks.example.com/a");
    const { status, body } = await post(t, {
      kind: "BALANCE_BELOW",
      threshold: "10000000",
      channelIds: [channel.id],
    });
    expect(status).toBe(201);
    expect(alertRuleSchema.parse(body)).toEqual(body);
    expect(body).toMatchObject({
      tenantId: t,
      kind: "BALANCE_BELOW",
      name: "Balance below $10.00",
      threshold: "10000000",
      unit: "micro-USD",
      resolveMarginPct: 20,
      windowMinutes: null,
      refusalCode: null,
      enabled: true,
      isDefault: false,
      state: "FIRING",
      lastValue: "5000000",
      channels: [{ id: channel.id, name: channel.name, kind: "WEBHOOK" }],
    });
    expect(body.stateChangedAt).toMatch(/Z$/);
    // The FIRING transition is queued for the channel in the same transaction.
    expect(
      await s.db.prisma.notificationDelivery.findMany({
        where: { tenantId: t },
        select: { channelId: true },
      }),
    ).toEqual([{ channelId: channel.id }]);
    const [audit] = await audits(body.id);
    expect(audit).toMatchObject({
      action: "alert_rule.create",
      actorKind: "ADMIN_TOKEN",
      actorId: null,
      tenantId: t,
      targetType: "AlertRule",
      after: { kind: "BALANCE_BELOW", threshold: "10000000", resolveMarginPct: 20, channelIds: [channel.id] },
    });
    expect((await json(await s.call("GET", `${rules(t)}/${body.id}`))).body).toEqual(body);
  });

  it("changes what is sent, re-evaluates with the resolve margin, switches off and on, and deletes; each audited", async () => {
    const t = await tenant(5_000_000n);
    const { body: rule } = await post(t, { kind: "BALANCE_BELOW", threshold: 10_000_000, name: "Low" });
    expect(rule.state).toBe("FIRING");

    // $4 with a 50% margin resolves only at $6 or more: the $5 balance keeps it firing.
    const held = await patch(t, rule.id, { threshold: "4000000", resolveMarginPct: 50 });
    expect(held).toMatchObject({
      status: 200,
      body: { name: "Low", threshold: "4000000", resolveMarginPct: 50, state: "FIRING" },
    });
    // With 20% it resolves at $4.80: the $5 balance is past it.
    const resolved = await patch(t, rule.id, { resolveMarginPct: 20 });
    expect(resolved.body).toMatchObject({ threshold: "4000000", resolveMarginPct: 20, state: "RESOLVED" });
    // The same settings again change nothing and write nothing.
    const audited = await s.db.prisma.auditLog.count();
    expect((await patch(t, rule.id, { threshold: 4_000_000, name: "Low" })).body).toEqual(resolved.body);
    expect(await s.db.prisma.auditLog.count()).toBe(audited);

    const off = await patch(t, rule.id, { enabled: false });
    expect(off.body).toMatchObject({ enabled: false, state: "RESOLVED" });
    expect((await patch(t, rule.id, { enabled: false })).status).toBe(200); // a repeat writes nothing
    // Switched on with a new threshold in one call: evaluated once, after both.
    const on = await patch(t, rule.id, { enabled: true, threshold: "9000000" });
    expect(on.body).toMatchObject({ enabled: true, threshold: "9000000", state: "FIRING" });

    const del = await json(await s.call("DELETE", `${rules(t)}/${rule.id}`));
    expect(del).toEqual({ status: 200, body: { id: rule.id, deleted: true } });
    expect(deletedSchema.parse(del.body)).toEqual(del.body);
    expect((await s.call("GET", `${rules(t)}/${rule.id}`)).status).toBe(404);
    expect(await s.db.prisma.alertRule.count({ where: { id: rule.id } })).toBe(0);

    const trail = await audits(rule.id);
    expect(trail.map((a) => a.action)).toEqual([
      "alert_rule.create",
      "alert_rule.update",
      "alert_rule.update",
      "alert_rule.disable",
      "alert_rule.update",
      "alert_rule.enable",
      "alert_rule.delete",
    ]);
    expect(trail.every((a) => a.actorKind === "ADMIN_TOKEN" && a.tenantId === t)).toBe(true);
    expect(trail[1]).toMatchObject({
      before: { threshold: "10000000", resolveMarginPct: 20 },
      after: { threshold: "4000000", resolveMarginPct: 50 },
    });
  });

  it("keeps a flag's threshold at 0 and a refusal rule's window, and names a rule after what it watches", async () => {
    const t = await tenant(1_000_000n);
    const flag = await post(t, { kind: "CARD_EXPIRED" });
    expect(flag).toMatchObject({ status: 201, body: { name: "Card expired", threshold: "0", unit: null } });
    const refusals = await post(t, {
      kind: "REFUSALS",
      threshold: 5,
      windowMinutes: 10,
      refusalCode: "quota_exceeded",
      resolveMarginPct: 0,
    });
    expect(refusals.body).toMatchObject({
      name: "Refused calls 5 refused calls",
      threshold: "5",
      unit: "refused calls",
      windowMinutes: 10,
      refusalCode: "quota_exceeded",
      resolveMarginPct: 0,
    });
    // Refusal settings on another kind are dropped, as the form drops them.
    const quota = await post(t, { kind: "QUOTA_USED_PCT", threshold: "80", windowMinutes: 10 });
    expect(quota.body).toMatchObject({ windowMinutes: null, refusalCode: null });
  });
});

describe("refusals, checked as the dashboard checks them", () => {
  // [case, API body, the same rule as the dashboard's form fields, the field refused]
  const cases: Array<[string, Record<string, unknown>, Record<string, string>, string]> = [
    [
      "a resolve margin over 100%",
      { kind: "QUOTA_USED_PCT", threshold: "80", resolveMarginPct: 101 },
      { kind: "QUOTA_USED_PCT", threshold: "80", resolveMarginPct: "101" },
      "resolveMarginPct",
    ],
    [
      "a negative resolve margin",
      { kind: "BALANCE_BELOW", threshold: "1000000", resolveMarginPct: -1 },
      { kind: "BALANCE_BELOW", threshold: "1", resolveMarginPct: "-1" },
      "resolveMarginPct",
    ],
    [
      "a fractional resolve margin",
      { kind: "DAYS_LEFT_BELOW", threshold: "3", resolveMarginPct: 12.5 },
      { kind: "DAYS_LEFT_BELOW", threshold: "3", resolveMarginPct: "12.5" },
      "resolveMarginPct",
    ],
    [
      "a zero balance threshold",
      { kind: "BALANCE_BELOW", threshold: "0" },
      { kind: "BALANCE_BELOW", threshold: "0" },
      "threshold",
    ],
    [
      "a percentage out of bounds",
      { kind: "QUOTA_USED_PCT", threshold: 1001 },
      { kind: "QUOTA_USED_PCT", threshold: "1001" },
      "threshold",
    ],
    [
      "a threshold missing",
      { kind: "DAYS_LEFT_BELOW" },
      { kind: "DAYS_LEFT_BELOW", threshold: "" },
      "threshold",
    ],
    [
      "a refusal rule without a window",
      { kind: "REFUSALS", threshold: "5" },
      { kind: "REFUSALS", threshold: "5" },
      "windowMinutes",
    ],
    [
      "a window over a day",
      { kind: "REFUSALS", threshold: "5", windowMinutes: 1441 },
      { kind: "REFUSALS", threshold: "5", windowMinutes: "1441" },
      "windowMinutes",
    ],
    [
      "a name over 100 characters",
      { kind: "CARD_EXPIRED", name: "x".repeat(101) },
      { kind: "CARD_EXPIRED", name: "x".repeat(101) },
      "name",
    ],
  ];

  it.each(cases)(
    "refuses %s with the form's sentence (422), writing nothing",
    async (_c, body, form, field) => {
      const t = await tenant(1_000_000n);
      const dashboard = ruleForm.safeParse(form);
      expect(dashboard.success).toBe(false);
      const expected = dashboard.error!.issues.map((i) => ({ path: String(i.path[0]), message: i.message }));
      expect(expected.map((e) => e.path)).toEqual([field]);

      const before = await rowCounts(s.db);
      const res = await s.call("POST", rules(t), body);
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect((await res.json()).errors).toEqual(expected);
      expect(await rowCounts(s.db)).toEqual(before);
    },
  );

  it("checks a change as a whole rule (the kept fields included) and refuses a change of kind, writing nothing", async () => {
    const t = await tenant(1_000_000n);
    const { body: rule } = await post(t, { kind: "REFUSALS", threshold: "5", windowMinutes: 10 });
    const before = await rowCounts(s.db);
    for (const [change, errors] of [
      [{ resolveMarginPct: 101 }, [{ path: "resolveMarginPct", message: "0 to 100" }]],
      [{ windowMinutes: null }, [{ path: "windowMinutes", message: "Say over how many minutes" }]],
      [
        { threshold: "0", resolveMarginPct: 1.5 },
        [
          { path: "threshold", message: "Enter a whole number from 1 to 1,000,000" },
          { path: "resolveMarginPct", message: "Whole percent" },
        ],
      ],
      [
        { kind: "QUOTA_USED_PCT" },
        [{ path: "kind", message: "A rule's kind cannot change: create a new rule instead." }],
      ],
      [{}, [{ path: "(body)", message: expect.stringMatching(/^send at least one of name, threshold/) }]],
      [
        { threshold: "lots", surprise: 1 },
        expect.arrayContaining([expect.objectContaining({ path: "threshold" })]),
      ],
    ] as const) {
      const res = await patch(t, rule.id, change);
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual(errors);
    }
    expect(await rowCounts(s.db)).toEqual(before);
  });

  it("refuses another tenant's channel on a rule", async () => {
    const [a, b] = [await tenant(1_000_000n), await tenant(1_000_000n)];
    const theirs = await createChannel(s.db.prisma, b, "https://hooks.example.com/b");
    const before = await rowCounts(s.db);
    const res = await post(a, { kind: "CARD_EXPIRED", channelIds: [theirs.id] });
    expect(res).toMatchObject({
      status: 422,
      body: { errors: [{ path: "channelIds", message: "A chosen channel does not exist." }] },
    });
    expect(await rowCounts(s.db)).toEqual(before);
  });
});

describe("tenancy and pages", () => {
  it("answers 404 for a rule addressed under another tenant, and for an unknown tenant, writing nothing", async () => {
    const [a, b] = [await tenant(1_000_000n), await tenant(1_000_000n)];
    const { body: theirs } = await post(b, { kind: "CARD_EXPIRED" });
    const before = await rowCounts(s.db);
    for (const [method, body] of [
      ["GET", undefined],
      ["PATCH", { enabled: false }],
      ["DELETE", undefined],
    ] as const) {
      const res = await s.call(method, `${rules(a)}/${theirs.id}`, body);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ code: "not_found", detail: "No such rule." });
    }
    expect((await s.call("GET", rules("no-such-tenant"))).status).toBe(404);
    expect((await post("no-such-tenant", { kind: "CARD_EXPIRED" })).status).toBe(404);
    expect(await rowCounts(s.db)).toEqual(before);
    expect((await json(await s.call("GET", `${rules(b)}/${theirs.id}`))).body.enabled).toBe(true);
  });

  it("pages through a tenant's rules in the dashboard's order (defaults first), with a cursor of that list only", async () => {
    const t = await tenant(1_000_000n);
    const other = await tenant(1_000_000n);
    const made: string[] = [];
    for (const threshold of ["10", "20", "30", "40", "50"])
      made.push((await post(t, { kind: "QUOTA_USED_PCT", threshold })).body.id);
    const builtIn = await s.db.prisma.alertRule.create({
      data: { tenantId: t, kind: "CARD_EXPIRED", name: "Card expired", isDefault: true },
    });
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 5; page++) {
      const res = await json(
        await s.call("GET", `${rules(t)}?limit=2${after ? `&startingAfter=${after}` : ""}`),
      );
      expect(res.status).toBe(200);
      expect(alertRulePageSchema.parse(res.body)).toEqual(res.body);
      seen.push(...res.body.data.map((r: { id: string }) => r.id));
      after = seen.at(-1);
      if (!res.body.hasMore) break;
      expect(res.body.data).toHaveLength(2);
    }
    expect(seen).toEqual([builtIn.id, ...made]);
    expect((await json(await s.call("GET", rules(t)))).body).toMatchObject({ hasMore: false });
    expect((await json(await s.call("GET", rules(t)))).body.data).toHaveLength(6);

    expect((await s.call("GET", `${rules(t)}?limt=2`)).status).toBe(422); // a misspelt parameter
    const foreign = (await post(other, { kind: "CARD_EXPIRED" })).body.id;
    for (const q of [`startingAfter=${foreign}`, "limit=0", "limit=101", "limit=two"]) {
      const res = await json(await s.call("GET", `${rules(t)}?${q}`));
      expect(res.status).toBe(422);
      expect(res.body.errors[0].path).toBe(q.split("=")[0]);
    }
  });
});
