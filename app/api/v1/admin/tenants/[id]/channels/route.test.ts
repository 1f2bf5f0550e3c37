// /api/v1/admin/tenants/{id}/channels[/{channelId}[/test]] and /alert-deliveries over real HTTP on
// PostgreSQL, with a local receiver (private URLs allowed, as in the other notification tests; the
// guard itself: ssrf.test.ts beside this file): a channel made with its secret shown once, a test delivery
// signed and verified, changes and deletion audited with the operator as actor, the dashboard
// form's sentences for refused settings, another tenant's channel not found, the log a page at a time.
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { channelForm } from "@/lib/alerts/manage-forms";
import {
  channelPageSchema,
  channelSchema,
  channelTestSchema,
  createdChannelSchema,
  deliveryPageSchema,
} from "@/lib/api/schemas/alerts";
import { rowCounts, startAdminServer, type AdminServer } from "@/test/admin-server";
import { createRule } from "@/test/alert-fixtures";
import { createTenantWithKey } from "@/test/fixtures";
import { startReceiver } from "@/test/receiver";

let s: AdminServer;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let n = 0;

beforeAll(async () => {
  process.env.ALERTS_ALLOW_PRIVATE_URLS = "1";
  s = await startAdminServer("admin_channels");
  // /down answers 500; anything else 200.
  receiver = await startReceiver((req) =>
    req.path === "/down" ? { status: 500, body: "down" } : { status: 200, body: "thanks" },
  );
});
afterAll(async () => {
  await receiver?.close();
  const { pool } = await import("@/lib/db/pool");
  await pool().end();
  await s?.close();
});

const json = async (res: Response) => ({ status: res.status, body: await res.json() });
const tenant = async () =>
  (await createTenantWithKey(s.db.prisma, { slug: `ch-${++n}`, available: 1_000_000n })).tenant.id;
const channels = (tenantId: string) => `/api/v1/admin/tenants/${tenantId}/channels`;
const post = (tenantId: string, body: unknown) => s.call("POST", channels(tenantId), body).then(json);
const patch = (tenantId: string, id: string, body: unknown) =>
  s.call("PATCH", `${channels(tenantId)}/${id}`, body).then(json);
const sendTest = (tenantId: string, id: string) =>
  s.call("POST", `${channels(tenantId)}/${id}/test`).then(json);
const audits = (targetId: string) =>
  s.db.prisma.auditLog.findMany({ where: { targetId }, orderBy: { id: "asc" } });

describe("a channel's life through the admin API", () => {
  it("creates a webhook whose secret is in the creation's answer only, and a test delivery reaches the receiver signed with it", async () => {
    const t = await tenant();
    const rule = await createRule(s.db.prisma, t, "CARD_EXPIRED", 0n);
    const created = await post(t, {
      kind: "WEBHOOK",
      name: " ops hook ",
      target: `${receiver.url}/in`,
      attachToAll: true,
    });
    expect(created.status).toBe(201);
    expect(createdChannelSchema.parse(created.body)).toEqual(created.body);
    expect(created.body).toMatchObject({
      tenantId: t,
      kind: "WEBHOOK",
      name: "ops hook",
      target: `${receiver.url}/in`,
      enabled: true,
      ruleCount: 1,
      attachedRules: 1,
      secret: expect.stringMatching(/^whsec_/),
    });
    const { secret, id } = created.body;
    expect(await s.db.prisma.alertRuleChannel.count({ where: { ruleId: rule.id, channelId: id } })).toBe(1);

    // Never again: not in a read, the list, or the audit trail.
    const read = await json(await s.call("GET", `${channels(t)}/${id}`));
    expect(read.body).toEqual(channelSchema.parse(read.body));
    const { attachedRules: _a, secret: _s, ...view } = created.body;
    expect(read.body).toEqual(view);
    const list = await json(await s.call("GET", channels(t)));
    expect(channelPageSchema.parse(list.body)).toEqual({ data: [view], hasMore: false });
    const [audit] = await audits(id);
    expect(audit).toMatchObject({
      action: "notification_channel.create",
      actorKind: "ADMIN_TOKEN",
      tenantId: t,
      after: { kind: "WEBHOOK", name: "ops hook", target: receiver.url, hasSecret: true, attachedRules: 1 },
    });
    expect(JSON.stringify([read.body, list.body, audit!.before, audit!.after])).not.toContain(secret);

    const hits = receiver.requests.length;
    const test = await sendTest(t, id);
    expect(test.status).toBe(200);
    expect(channelTestSchema.parse(test.body)).toEqual(test.body);
    expect(test.body).toEqual({
      deliveryId: expect.stringMatching(/^dlv_/),
      delivered: true,
      responseCode: 200,
      latencyMs: expect.any(Number),
      error: null,
    });
    expect(receiver.requests).toHaveLength(hits + 1);
    const hit = receiver.requests.at(-1)!;
    expect(hit.path).toBe("/in");
    expect(hit.headers["webhook-id"]).toBe(test.body.deliveryId);
    const payload = new Webhook(secret).verify(hit.body, hit.headers as Record<string, string>);
    expect(payload).toMatchObject({
      type: "alert.firing",
      tenant: { id: t },
      rule: { name: "Test notification" },
    });
    expect(() =>
      new Webhook(`whsec_${Buffer.from("another secret!!").toString("base64")}`).verify(
        hit.body,
        hit.headers as Record<string, string>,
      ),
    ).toThrow();

    // The test is in the delivery log, with its attempt.
    const log = await json(await s.call("GET", `/api/v1/admin/tenants/${t}/alert-deliveries`));
    expect(deliveryPageSchema.parse(log.body)).toEqual(log.body);
    expect(log.body.data[0]).toMatchObject({
      id: test.body.deliveryId,
      tenantId: t,
      channel: { id, name: "ops hook", kind: "WEBHOOK" },
      alert: null,
      isTest: true,
      status: "SUCCEEDED",
      attempts: 1,
      responseCode: 200,
      responseBody: "thanks",
      payload: { type: "alert.firing", rule: { name: "Test notification" } },
      log: [{ attempt: 1, ok: true, responseCode: 200, responseBody: "thanks" }],
    });
  });

  it("answers a failed test delivery with what happened (200), and a disabled channel's as disabled", async () => {
    const t = await tenant();
    const { body: ch } = await post(t, { kind: "WEBHOOK", name: "flaky", target: `${receiver.url}/down` });
    const failed = await sendTest(t, ch.id);
    expect(failed).toMatchObject({
      status: 200,
      body: { delivered: false, responseCode: 500, error: "HTTP 500" },
    });
    expect((await patch(t, ch.id, { enabled: false })).body).toMatchObject({ enabled: false });
    const hits = receiver.requests.length;
    expect((await sendTest(t, ch.id)).body).toMatchObject({
      delivered: false,
      responseCode: null,
      error: "the channel is disabled",
    });
    expect(receiver.requests).toHaveLength(hits);
  });

  it("renames, retargets and switches a channel off and on; keeps a webhook's secret; deletes it with its deliveries; each audited", async () => {
    const t = await tenant();
    const { body: ch } = await post(t, { kind: "WEBHOOK", name: "hook", target: `${receiver.url}/a` });
    const stored = await s.db.prisma.notificationChannel.findUniqueOrThrow({ where: { id: ch.id } });

    const renamed = await patch(t, ch.id, { name: "renamed", target: `${receiver.url}/b`, enabled: false });
    expect(renamed).toMatchObject({
      status: 200,
      body: { name: "renamed", target: `${receiver.url}/b`, enabled: false },
    });
    expect(channelSchema.parse(renamed.body)).toEqual(renamed.body);
    expect((await patch(t, ch.id, { enabled: true })).body.enabled).toBe(true);
    const audited = await s.db.prisma.auditLog.count();
    expect((await patch(t, ch.id, { enabled: true, name: "renamed" })).status).toBe(200); // writes nothing
    expect(await s.db.prisma.auditLog.count()).toBe(audited);
    const after = await s.db.prisma.notificationChannel.findUniqueOrThrow({ where: { id: ch.id } });
    expect(after.secret).toBe(stored.secret);
    await sendTest(t, ch.id);
    expect(receiver.requests.at(-1)!.path).toBe("/b");

    const del = await json(await s.call("DELETE", `${channels(t)}/${ch.id}`));
    expect(del).toEqual({ status: 200, body: { id: ch.id, deleted: true } });
    expect((await s.call("GET", `${channels(t)}/${ch.id}`)).status).toBe(404);
    expect(await s.db.prisma.notificationDelivery.count({ where: { channelId: ch.id } })).toBe(0);

    const trail = await audits(ch.id);
    expect(trail.map((a) => a.action)).toEqual([
      "notification_channel.create",
      "notification_channel.update",
      "notification_channel.update",
      "notification_channel.delete",
    ]);
    expect(trail.every((a) => a.actorKind === "ADMIN_TOKEN" && a.tenantId === t)).toBe(true);
    expect(trail[1]).toMatchObject({
      before: { name: "hook", enabled: true },
      after: { name: "renamed", enabled: false },
    });
  });

  it("keeps a PagerDuty routing key as its secret (never shown, changed without showing it) and shortens a Slack URL", async () => {
    const t = await tenant();
    const pd = await post(t, {
      kind: "PAGERDUTY",
      name: "pd",
      routingKey: "R0UTINGKEY0123456789abcdefABCDEF",
    });
    expect(pd).toMatchObject({
      status: 201,
      body: { target: "https://events.pagerduty.com/v2/enqueue", secret: null },
    });
    expect((await patch(t, pd.body.id, { routingKey: "NEWKEY0123456789abcdefABCDEF0000" })).status).toBe(200);
    const row = await s.db.prisma.notificationChannel.findUniqueOrThrow({ where: { id: pd.body.id } });
    expect(row.secret).toBe("NEWKEY0123456789abcdefABCDEF0000");
    const [, update] = await audits(pd.body.id);
    expect(update!.after).toMatchObject({ routingKeyChanged: true });
    expect(JSON.stringify([update!.before, update!.after])).not.toContain("NEWKEY");

    const slack = await post(t, {
      kind: "SLACK",
      name: "slack",
      target: "https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX",
    });
    expect(slack.body.target).toBe("https://hooks.slack.com/services/T000/B…");
    expect(JSON.stringify(await json(await s.call("GET", channels(t))))).not.toContain("XXXXXXXX");
  });
});

describe("refusals, checked as the dashboard checks them", () => {
  // [case, API body, the form's fields for the same channel, the fields refused]
  const cases: Array<[string, Record<string, unknown>, Record<string, string>]> = [
    [
      "an email that is not an address",
      { kind: "EMAIL", name: "m", target: "ops" },
      { kind: "EMAIL", name: "m", target: "ops" },
    ],
    [
      "an ftp URL",
      { kind: "WEBHOOK", name: "w", target: "ftp://x" },
      { kind: "WEBHOOK", name: "w", target: "ftp://x" },
    ],
    [
      "a blank name",
      { kind: "SLACK", name: "  ", target: "https://hooks.slack.com/x" },
      { kind: "SLACK", name: "  ", target: "https://hooks.slack.com/x" },
    ],
    [
      "a short routing key",
      { kind: "PAGERDUTY", name: "pd", routingKey: "short" },
      { kind: "PAGERDUTY", name: "pd", routingKey: "short" },
    ],
  ];

  it.each(cases)("refuses %s with the form's sentences (422), writing nothing", async (_c, body, form) => {
    const t = await tenant();
    const dashboard = channelForm.safeParse(form);
    expect(dashboard.success).toBe(false);
    const before = await rowCounts(s.db);
    const res = await post(t, body);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual(
      dashboard.error!.issues.map((i) => ({ path: String(i.path[0]), message: i.message })),
    );
    expect(await rowCounts(s.db)).toEqual(before);
  });

  it("refuses a routing key on another kind, an empty change, and a change the settings refuse, writing nothing", async () => {
    const t = await tenant();
    const { body: ch } = await post(t, { kind: "EMAIL", name: "mail", target: "ops@example.com" });
    const before = await rowCounts(s.db);
    expect(
      (await post(t, { kind: "WEBHOOK", name: "w", target: `${receiver.url}/x`, routingKey: "R0UTINGKEY01" }))
        .body.errors,
    ).toEqual([{ path: "routingKey", message: "Only a PagerDuty channel has a routing key." }]);
    for (const [change, errors] of [
      [
        { routingKey: "R0UTINGKEY01" },
        [{ path: "routingKey", message: "Only a PagerDuty channel has a routing key." }],
      ],
      [{ target: "not an address" }, [{ path: "target", message: "Enter an email address" }]],
      [{ name: "" }, [{ path: "name", message: "Name the channel" }]],
      [{}, [{ path: "(body)", message: "send at least one of name, target, routingKey, enabled" }]],
    ] as const) {
      const res = await patch(t, ch.id, change);
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual(errors);
    }
    // A channel's kind is not a setting a change may carry.
    const kind = await patch(t, ch.id, { kind: "SLACK", name: "slack now" });
    expect(kind.status).toBe(422);
    expect(kind.body.errors).toContainEqual({ path: "(body)", message: expect.stringMatching(/"kind"/) });
    expect(await rowCounts(s.db)).toEqual(before);
  });
});

describe("tenancy and the delivery log", () => {
  it("answers 404 for a channel addressed under another tenant, writing and sending nothing", async () => {
    const [a, b] = [await tenant(), await tenant()];
    const { body: theirs } = await post(b, { kind: "WEBHOOK", name: "b", target: `${receiver.url}/b` });
    const before = await rowCounts(s.db);
    const hits = receiver.requests.length;
    for (const [method, path, body] of [
      ["GET", `${channels(a)}/${theirs.id}`, undefined],
      ["PATCH", `${channels(a)}/${theirs.id}`, { enabled: false }],
      ["DELETE", `${channels(a)}/${theirs.id}`, undefined],
      ["POST", `${channels(a)}/${theirs.id}/test`, undefined],
    ] as const) {
      const res = await s.call(method, path, body);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ code: "not_found", detail: "No such channel." });
    }
    expect((await s.call("GET", channels("no-such-tenant"))).status).toBe(404);
    expect((await s.call("GET", "/api/v1/admin/tenants/no-such-tenant/alert-deliveries")).status).toBe(404);
    expect(await rowCounts(s.db)).toEqual(before);
    expect(receiver.requests).toHaveLength(hits);
  });

  it("pages through the delivery log newest first, by status, with a cursor of that tenant's log only", async () => {
    const [t, other] = [await tenant(), await tenant()];
    const { body: ok } = await post(t, { kind: "WEBHOOK", name: "ok", target: `${receiver.url}/ok` });
    const { body: down } = await post(t, { kind: "WEBHOOK", name: "down", target: `${receiver.url}/down` });
    const sent: string[] = [];
    for (const id of [ok.id, down.id, ok.id, down.id, ok.id])
      sent.push((await sendTest(t, id)).body.deliveryId);
    const newestFirst = [...sent].reverse();

    const walk = async (query: string) => {
      const seen: string[] = [];
      let after: string | undefined;
      for (let page = 0; page < 10; page++) {
        const res = await json(
          await s.call(
            "GET",
            `/api/v1/admin/tenants/${t}/alert-deliveries?limit=2${query}${after ? `&startingAfter=${after}` : ""}`,
          ),
        );
        expect(res.status).toBe(200);
        expect(deliveryPageSchema.parse(res.body)).toEqual(res.body);
        seen.push(...res.body.data.map((d: { id: string }) => d.id));
        after = seen.at(-1);
        if (!res.body.hasMore) return seen;
        expect(res.body.data).toHaveLength(2);
      }
      throw new Error("no last page");
    };
    expect(await walk("")).toEqual(newestFirst);
    expect(await walk("&status=DEAD")).toEqual(newestFirst.filter((_, i) => i % 2 === 1));

    const { body: foreign } = await post(other, { kind: "WEBHOOK", name: "x", target: `${receiver.url}/x` });
    const theirs = (await sendTest(other, foreign.id)).body.deliveryId;
    for (const q of [`startingAfter=${theirs}`, "limit=0", "limit=101", "status=LOST"]) {
      const res = await json(await s.call("GET", `/api/v1/admin/tenants/${t}/alert-deliveries?${q}`));
      expect(res.status).toBe(422);
      expect(res.body.errors[0].path).toBe(q.split("=")[0]);
    }
  });
});
