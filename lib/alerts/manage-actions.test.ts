// The alert pages' actions on real PostgreSQL, with the FormData a browser sends parsed as the
// action wrapper parses it: repeated channel checkboxes, field errors, the webhook secret in the one
// answer, "Send test" against a local receiver (signature verified), a dead delivery's retry
// audited, and another tenant's ids "not found". A failure is the AppError a body throws (the
// wrapper's answer to it is lib/web/action.test.ts's and app/server-actions-tenancy.test.ts's).
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";

import { channelForm, enabledForm, idForm, saveRuleForm } from "@/lib/alerts/manage-forms";
import { parseForm } from "@/lib/forms/action-state";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { createTenantWithKey } from "@/test/fixtures";
import { startReceiver } from "@/test/receiver";

let db: TestDatabase;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let actions: typeof import("@/lib/alerts/manage-actions");
const actor = { kind: "USER" as const, id: null, ip: null };

beforeAll(async () => {
  db = await createTestDatabase("alerts_actions");
  process.env.DATABASE_URL = db.url;
  process.env.ALERTS_ALLOW_PRIVATE_URLS = "1";
  process.env.APP_URL = "http://tollgate.test";
  receiver = await startReceiver((_req, i) =>
    i === 0 ? { status: 200, body: "thanks" } : { status: 500, body: "down" },
  );
  actions = await import("@/lib/alerts/manage-actions");
});
afterAll(async () => {
  await receiver?.close();
  const [{ pool }, { prisma }] = await Promise.all([import("@/lib/db/pool"), import("@/lib/db")]);
  await Promise.all([pool().end(), prisma.$disconnect()]);
  await db?.drop();
});

const form = (entries: Array<[string, string]>) => {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
};
/** The form parsed as the action wrapper parses it (these cases all parse). */
function input<S extends z.ZodType>(schema: S, fd: FormData): z.output<S> {
  const parsed = parseForm(schema, fd);
  if (!parsed.success) throw new Error(`form does not parse: ${JSON.stringify(parsed.fieldErrors)}`);
  return parsed.data;
}

describe("alert action bodies", () => {
  it("create a channel (secret once), send a test to it, attach several channels to a rule, refuse bad fields", async () => {
    const { tenant } = await createTenantWithKey(db.prisma, { slug: "act-a", available: 3_000_000n });
    const created = await actions.createChannelAction({
      actor,
      tenantId: tenant.id,
      input: input(
        channelForm,
        form([
          ["kind", "WEBHOOK"],
          ["name", "hook"],
          ["target", `${receiver.url}/in`],
        ]),
      ),
    });
    expect(created).toMatchObject({
      ok: true,
      message: "Channel created",
      secret: expect.stringMatching(/^whsec_/),
    });
    const email = await actions.createChannelAction({
      actor,
      tenantId: tenant.id,
      input: input(
        channelForm,
        form([
          ["kind", "EMAIL"],
          ["name", "mail"],
          ["target", "ops@example.com"],
        ]),
      ),
    });
    expect(email).toMatchObject({ ok: true });
    expect(email.secret).toBeUndefined();
    const [hook, mail] = await db.prisma.notificationChannel.findMany({
      where: { tenantId: tenant.id },
      orderBy: { createdAt: "asc" },
    });

    const sent = await actions.sendTestAction({
      tenantId: tenant.id,
      input: input(idForm, form([["id", hook!.id]])),
    });
    expect(sent).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^Delivered: HTTP 200 in \d+ ms$/),
    });
    const hit = receiver.requests[0]!;
    const payload = new Webhook(created.secret!).verify(hit.body, hit.headers as Record<string, string>);
    expect(payload).toMatchObject({ type: "alert.firing", rule: { name: "Test notification" } });
    expect(
      await actions.sendTestAction({ tenantId: tenant.id, input: input(idForm, form([["id", hook!.id]])) }),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Failed: HTTP 500/),
    });

    const rule = await actions.saveRuleAction({
      actor,
      tenantId: tenant.id,
      input: input(
        saveRuleForm,
        form([
          ["kind", "BALANCE_BELOW"],
          ["threshold", "5"],
          ["resolveMarginPct", "20"],
          ["channelIds", hook!.id],
          ["channelIds", mail!.id],
        ]),
      ),
    });
    expect(rule).toEqual({ ok: true, message: "Rule created" });
    const saved = await db.prisma.alertRule.findFirstOrThrow({
      where: { tenantId: tenant.id },
      include: { channels: true },
    });
    expect(saved).toMatchObject({ name: "Balance below $5.00", threshold: 5_000_000n, state: "FIRING" });
    expect(saved.channels.map((c) => c.channelId).sort()).toEqual([hook!.id, mail!.id].sort());

    // A threshold that is not dollars never reaches the body: the wrapper answers the field error.
    expect(
      parseForm(
        saveRuleForm,
        form([
          ["kind", "BALANCE_BELOW"],
          ["threshold", "five"],
        ]),
      ),
    ).toMatchObject({ success: false, fieldErrors: { threshold: [expect.any(String)] } });
    // A URL the command refuses: the field's error, which the wrapper shows on the field (lib/web/action.test.ts).
    await expect(
      actions.createChannelAction({
        actor,
        tenantId: tenant.id,
        input: input(
          channelForm,
          form([
            ["kind", "SLACK"],
            ["name", "s"],
            ["target", "https://user:pw@hooks.slack.com/x"],
          ]),
        ),
      }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      detail: "The URL must not carry credentials.",
      extensions: { errors: [{ path: "target", message: "The URL must not carry credentials." }] },
    });
    expect(await db.prisma.notificationChannel.count({ where: { tenantId: tenant.id } })).toBe(2);
    expect(
      await actions.toggleRuleAction({
        actor,
        tenantId: tenant.id,
        input: input(
          enabledForm,
          form([
            ["id", saved.id],
            ["enabled", "false"],
          ]),
        ),
      }),
    ).toEqual({ ok: true, message: "Rule disabled" });
  });

  it("retries a dead delivery once, audited; another tenant's rule, channel and delivery are not found", async () => {
    const a = await createTenantWithKey(db.prisma, { slug: "act-b", available: 1_000_000n });
    const b = await createTenantWithKey(db.prisma, { slug: "act-c", available: 1_000_000n });
    await actions.createChannelAction({
      actor,
      tenantId: b.tenant.id,
      input: input(
        channelForm,
        form([
          ["kind", "WEBHOOK"],
          ["name", "b"],
          ["target", "https://hooks.example.com/b"],
        ]),
      ),
    });
    const bChannel = await db.prisma.notificationChannel.findFirstOrThrow({
      where: { tenantId: b.tenant.id },
    });
    await actions.saveRuleAction({
      actor,
      tenantId: b.tenant.id,
      input: input(
        saveRuleForm,
        form([
          ["kind", "BALANCE_BELOW"],
          ["threshold", "5"],
          ["channelIds", bChannel.id],
        ]),
      ),
    });
    const bRule = await db.prisma.alertRule.findFirstOrThrow({ where: { tenantId: b.tenant.id } });
    const bDelivery = await db.prisma.notificationDelivery.findFirstOrThrow({
      where: { tenantId: b.tenant.id },
    });
    await db.prisma.notificationDelivery.update({
      where: { id: bDelivery.id },
      data: { status: "DEAD", attempts: 8 },
    });

    const notFound = (what: string) => ({ code: "not_found", detail: `No such ${what}.` });
    await expect(
      actions.deleteRuleAction({
        actor,
        tenantId: a.tenant.id,
        input: input(idForm, form([["id", bRule.id]])),
      }),
    ).rejects.toMatchObject(notFound("rule"));
    await expect(
      actions.toggleRuleAction({
        actor,
        tenantId: a.tenant.id,
        input: input(
          enabledForm,
          form([
            ["id", bRule.id],
            ["enabled", "false"],
          ]),
        ),
      }),
    ).rejects.toMatchObject(notFound("rule"));
    await expect(
      actions.saveRuleAction({
        actor,
        tenantId: a.tenant.id,
        input: input(
          saveRuleForm,
          form([
            ["id", bRule.id],
            ["kind", "BALANCE_BELOW"],
            ["threshold", "1"],
          ]),
        ),
      }),
    ).rejects.toMatchObject(notFound("rule"));
    await expect(
      actions.deleteChannelAction({
        actor,
        tenantId: a.tenant.id,
        input: input(idForm, form([["id", bChannel.id]])),
      }),
    ).rejects.toMatchObject(notFound("channel"));
    await expect(
      actions.sendTestAction({
        tenantId: a.tenant.id,
        input: input(idForm, form([["id", bChannel.id]])),
      }),
    ).rejects.toMatchObject(notFound("channel"));
    await expect(
      actions.retryDeliveryAction({
        actor,
        tenantId: a.tenant.id,
        input: input(idForm, form([["id", bDelivery.id]])),
      }),
    ).rejects.toMatchObject(notFound("delivery"));
    expect(
      await db.prisma.notificationDelivery.findUniqueOrThrow({ where: { id: bDelivery.id } }),
    ).toMatchObject({ status: "DEAD" });

    expect(
      await actions.retryDeliveryAction({
        actor,
        tenantId: null,
        input: input(idForm, form([["id", bDelivery.id]])),
      }),
    ).toEqual({
      ok: true,
      message: "Delivery queued again",
    });
    await expect(
      actions.retryDeliveryAction({
        actor,
        tenantId: b.tenant.id,
        input: input(idForm, form([["id", bDelivery.id]])),
      }),
    ).rejects.toMatchObject({ code: "conflict", detail: "Only a dead-lettered delivery can be retried." });
    const audit = await db.prisma.auditLog.findMany({ where: { targetId: bDelivery.id } });
    expect(audit).toEqual([
      expect.objectContaining({ action: "notification_delivery.retry", tenantId: b.tenant.id }),
    ]);
  });
});
