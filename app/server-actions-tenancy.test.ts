// Every dashboard server action, called directly the way a forged POST reaches it (the page's
// guard does not run; hidden fields say whatever the caller wants). Only the session is mocked —
// next-auth's getServerSession names the user; requireUser, the role checks, the action bodies and
// PostgreSQL are real. Each case snapshots the affected tenants' rows before and after: a refused
// or foreign-id call must leave them exactly as they were.
//   - signed out: every action redirects to sign-in;
//   - tenant A's member: every owner-only tenant action (keys, alerts) is refused;
//   - tenant A's owner with tenant B's ids (rule, channel, delivery, key; B's tenant id in a hidden
//     field): "not found", or the change lands on A — never on B;
//   - tenant A's owner: every admin action (tenant page, tenant alerts, operator alerts, Stripe
//     events, the model catalog), bound to B's tenant id where it takes one, is refused with the
//     403 page before any work.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { channelForm, saveRuleForm } from "@/lib/alerts/manage-forms";
import type { ActionState } from "@/lib/forms/action-state";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { createTenantWithKey } from "@/test/fixtures";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("server-only", () => ({}));
vi.mock("next-auth", () => ({
  getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null),
}));
// What Next's own helpers do: throw, so nothing after them runs.
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect ${url}`);
  },
  forbidden: () => {
    throw new Error("forbidden");
  },
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let db: TestDatabase;
let A: {
  tenantId: string;
  keyId: string;
  ownerId: string;
  memberId: string;
  ruleId: string;
  channelId: string;
};
let B: { tenantId: string; keyId: string; ruleId: string; channelId: string; deliveryId: string };
let tenantKeys: typeof import("@/app/(tenant)/app/keys/actions");
let tenantAlerts: typeof import("@/app/(tenant)/app/alerts/actions");
let adminTenant: typeof import("@/app/(admin)/admin/tenants/[id]/actions");
let adminTenantAlerts: typeof import("@/app/(admin)/admin/tenants/[id]/alerts/actions");
let adminAlerts: typeof import("@/app/(admin)/admin/alerts/actions");
let stripeEvents: typeof import("@/app/(admin)/admin/stripe-events/actions");
let models: typeof import("@/app/(admin)/admin/models/actions");

const INITIAL: ActionState = { ok: false };
const form = (entries: Array<[string, string]>) => {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
};

/** Everything an action could change for a tenant, in a comparable shape. */
async function snapshot(tenantId: string) {
  const p = db.prisma;
  const [tenant, balance, keys, rules, channels, deliveries, audit, grants, catalog] = await Promise.all([
    p.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { status: true, planId: true } }),
    p.creditBalance.findUniqueOrThrow({ where: { tenantId }, select: { available: true } }),
    p.apiKey.findMany({ where: { tenantId }, select: { id: true, status: true }, orderBy: { id: "asc" } }),
    p.alertRule.findMany({
      where: { tenantId },
      select: {
        id: true,
        threshold: true,
        enabled: true,
        name: true,
        channels: { select: { channelId: true } },
      },
      orderBy: { id: "asc" },
    }),
    p.notificationChannel.findMany({
      where: { tenantId },
      select: { id: true, name: true },
      orderBy: { id: "asc" },
    }),
    p.notificationDelivery.findMany({
      where: { tenantId },
      select: { id: true, status: true, attempts: true },
      orderBy: { id: "asc" },
    }),
    p.auditLog.count({ where: { tenantId } }),
    p.creditGrant.count({ where: { tenantId } }),
    // The model catalog is no tenant's: any change to it by a forged call shows here.
    p.model.findMany({
      select: { id: true, active: true, _count: { select: { prices: true } } },
      orderBy: { id: "asc" },
    }),
  ]);
  return { tenant, balance, keys, rules, channels, deliveries, audit, grants, catalog };
}

beforeAll(async () => {
  db = await createTestDatabase("actions_tenancy");
  Object.assign(process.env, {
    DATABASE_URL: db.url,
    APP_URL: "http://tollgate.test",
    ALERTS_ALLOW_PRIVATE_URLS: "1",
  });
  const body = await import("@/lib/alerts/manage-actions");
  const actor = { kind: "USER" as const, id: null, ip: null };
  const setUp = async (slug: string) => {
    const { tenant, apiKey } = await createTenantWithKey(db.prisma, { slug, available: 1_000_000n });
    await body.createChannelAction({
      actor,
      tenantId: tenant.id,
      input: channelForm.parse({
        kind: "WEBHOOK",
        name: `${slug} hook`,
        target: "https://hooks.example.com/in",
      }),
    });
    const channel = await db.prisma.notificationChannel.findFirstOrThrow({ where: { tenantId: tenant.id } });
    // $1 of credits under a $5 threshold: the rule fires at once and queues a delivery.
    await body.saveRuleAction({
      actor,
      tenantId: tenant.id,
      input: saveRuleForm.parse({ kind: "BALANCE_BELOW", threshold: "5", channelIds: channel.id }),
    });
    const rule = await db.prisma.alertRule.findFirstOrThrow({ where: { tenantId: tenant.id } });
    return { tenant, apiKey, channel, rule };
  };
  const a = await setUp("tenancy-a");
  const b = await setUp("tenancy-b");
  const delivery = await db.prisma.notificationDelivery.findFirstOrThrow({
    where: { tenantId: b.tenant.id },
  });
  await db.prisma.notificationDelivery.update({
    where: { id: delivery.id },
    data: { status: "DEAD", attempts: 8 },
  });
  const user = (id: string, role: "TENANT_OWNER" | "TENANT_MEMBER", tenantId: string) =>
    db.prisma.user.create({
      data: { id, email: `${id}@tollgate.test`, name: id, passwordHash: "unused", role, tenantId },
    });
  await Promise.all([
    user("usr_a_owner", "TENANT_OWNER", a.tenant.id),
    user("usr_a_member", "TENANT_MEMBER", a.tenant.id),
    user("usr_b_owner", "TENANT_OWNER", b.tenant.id),
  ]);
  A = {
    tenantId: a.tenant.id,
    keyId: a.apiKey.id,
    ownerId: "usr_a_owner",
    memberId: "usr_a_member",
    ruleId: a.rule.id,
    channelId: a.channel.id,
  };
  B = {
    tenantId: b.tenant.id,
    keyId: b.apiKey.id,
    ruleId: b.rule.id,
    channelId: b.channel.id,
    deliveryId: delivery.id,
  };
  [tenantKeys, tenantAlerts, adminTenant, adminTenantAlerts, adminAlerts, stripeEvents, models] =
    await Promise.all([
      import("@/app/(tenant)/app/keys/actions"),
      import("@/app/(tenant)/app/alerts/actions"),
      import("@/app/(admin)/admin/tenants/[id]/actions"),
      import("@/app/(admin)/admin/tenants/[id]/alerts/actions"),
      import("@/app/(admin)/admin/alerts/actions"),
      import("@/app/(admin)/admin/stripe-events/actions"),
      import("@/app/(admin)/admin/models/actions"),
    ]);
});
afterAll(async () => {
  const [{ pool }, { prisma }] = await Promise.all([import("@/lib/db/pool"), import("@/lib/db")]);
  await Promise.all([pool().end(), prisma.$disconnect()]);
  await db?.drop();
});

type Call = { name: string; call: () => Promise<unknown> };

// The tenant actions with forms a member never sees (the page hides them): each gets the fields a
// real form would send, with A's own ids, so only the role check can stop it.
const ownerOnlyTenantActions = (): Call[] => [
  {
    name: "keys: createOwnKeyAction",
    call: () => tenantKeys.createOwnKeyAction(INITIAL, form([["name", "member's key"]])),
  },
  {
    name: "keys: revokeOwnKeyAction",
    call: () => tenantKeys.revokeOwnKeyAction(INITIAL, form([["keyId", A.keyId]])),
  },
  {
    name: "alerts: saveRuleAction (new)",
    call: () =>
      tenantAlerts.saveRuleAction(
        INITIAL,
        form([
          ["kind", "BALANCE_BELOW"],
          ["threshold", "9"],
        ]),
      ),
  },
  {
    name: "alerts: saveRuleAction (edit)",
    call: () =>
      tenantAlerts.saveRuleAction(
        INITIAL,
        form([
          ["id", A.ruleId],
          ["kind", "BALANCE_BELOW"],
          ["threshold", "9"],
        ]),
      ),
  },
  {
    name: "alerts: toggleRuleAction",
    call: () =>
      tenantAlerts.toggleRuleAction(
        INITIAL,
        form([
          ["id", A.ruleId],
          ["enabled", "false"],
        ]),
      ),
  },
  {
    name: "alerts: deleteRuleAction",
    call: () => tenantAlerts.deleteRuleAction(INITIAL, form([["id", A.ruleId]])),
  },
  {
    name: "alerts: createChannelAction",
    call: () =>
      tenantAlerts.createChannelAction(
        INITIAL,
        form([
          ["kind", "EMAIL"],
          ["name", "m"],
          ["target", "m@example.com"],
        ]),
      ),
  },
  {
    name: "alerts: deleteChannelAction",
    call: () => tenantAlerts.deleteChannelAction(INITIAL, form([["id", A.channelId]])),
  },
  {
    name: "alerts: sendTestAction",
    call: () => tenantAlerts.sendTestAction(INITIAL, form([["id", A.channelId]])),
  },
  {
    name: "alerts: retryDeliveryAction",
    call: () => tenantAlerts.retryDeliveryAction(INITIAL, form([["id", B.deliveryId]])),
  },
];

// Every admin action, bound to B's tenant id as the admin page would bind it.
const adminActions = (): Call[] => [
  {
    name: "tenant: grantCreditsAction",
    call: () =>
      adminTenant.grantCreditsAction(
        B.tenantId,
        INITIAL,
        form([
          ["direction", "grant"],
          ["amount", "5"],
          ["reason", "forged"],
          ["idempotencyKey", crypto.randomUUID()],
        ]),
      ),
  },
  {
    name: "tenant: grantCreditsAction (deduct)",
    call: () =>
      adminTenant.grantCreditsAction(
        B.tenantId,
        INITIAL,
        form([
          ["direction", "deduct"],
          ["amount", "0.5"],
          ["reason", "forged"],
          ["idempotencyKey", crypto.randomUUID()],
        ]),
      ),
  },
  {
    name: "tenant: changePlanAction",
    call: () => adminTenant.changePlanAction(B.tenantId, INITIAL, form([["planKey", "test-plan"]])),
  },
  {
    name: "tenant: setStatusAction",
    call: () => adminTenant.setStatusAction(B.tenantId, INITIAL, form([["status", "SUSPENDED"]])),
  },
  {
    name: "tenant: createKeyAction",
    call: () => adminTenant.createKeyAction(B.tenantId, INITIAL, form([["name", "forged"]])),
  },
  {
    name: "tenant: approveKeyAction",
    call: () => adminTenant.approveKeyAction(B.tenantId, INITIAL, form([["keyId", B.keyId]])),
  },
  {
    name: "tenant: revokeKeyAction",
    call: () => adminTenant.revokeKeyAction(B.tenantId, INITIAL, form([["keyId", B.keyId]])),
  },
  {
    name: "tenant: simulateAction",
    call: () =>
      adminTenant.simulateAction(
        B.tenantId,
        { ok: false },
        form([
          ["keyId", B.keyId],
          ["model", "gpt-4o-mini"],
        ]),
      ),
  },
  {
    name: "tenant alerts: saveRuleAction",
    call: () =>
      adminTenantAlerts.saveRuleAction(
        B.tenantId,
        INITIAL,
        form([
          ["id", B.ruleId],
          ["kind", "BALANCE_BELOW"],
          ["threshold", "1"],
        ]),
      ),
  },
  {
    name: "tenant alerts: toggleRuleAction",
    call: () =>
      adminTenantAlerts.toggleRuleAction(
        B.tenantId,
        INITIAL,
        form([
          ["id", B.ruleId],
          ["enabled", "false"],
        ]),
      ),
  },
  {
    name: "tenant alerts: deleteRuleAction",
    call: () => adminTenantAlerts.deleteRuleAction(B.tenantId, INITIAL, form([["id", B.ruleId]])),
  },
  {
    name: "tenant alerts: createChannelAction",
    call: () =>
      adminTenantAlerts.createChannelAction(
        B.tenantId,
        INITIAL,
        form([
          ["kind", "EMAIL"],
          ["name", "x"],
          ["target", "x@example.com"],
        ]),
      ),
  },
  {
    name: "tenant alerts: deleteChannelAction",
    call: () => adminTenantAlerts.deleteChannelAction(B.tenantId, INITIAL, form([["id", B.channelId]])),
  },
  {
    name: "tenant alerts: sendTestAction",
    call: () => adminTenantAlerts.sendTestAction(B.tenantId, INITIAL, form([["id", B.channelId]])),
  },
  {
    name: "tenant alerts: retryDeliveryAction",
    call: () => adminTenantAlerts.retryDeliveryAction(B.tenantId, INITIAL, form([["id", B.deliveryId]])),
  },
  {
    name: "operator alerts: retryAnyDeliveryAction",
    call: () => adminAlerts.retryAnyDeliveryAction(INITIAL, form([["id", B.deliveryId]])),
  },
  {
    name: "stripe events: replayEventAction",
    call: () => stripeEvents.replayEventAction(INITIAL, form([["eventId", "evt_forged"]])),
  },
  {
    name: "models: addModelAction",
    call: () =>
      models.addModelAction(
        INITIAL,
        form([
          ["id", "forged-model"],
          ["provider", "x"],
          ["displayName", "Forged"],
          ["inputPrice", "0"],
          ["outputPrice", "0"],
        ]),
      ),
  },
  {
    name: "models: changePriceAction",
    call: () =>
      models.changePriceAction(
        INITIAL,
        form([
          ["modelId", "gpt-4o-mini"],
          ["inputPrice", "0"],
          ["outputPrice", "0"],
        ]),
      ),
  },
  {
    name: "models: deactivateModelAction",
    call: () => models.deactivateModelAction(INITIAL, form([["modelId", "gpt-4o-mini"]])),
  },
];

async function expectNothingChanged(
  call: () => Promise<unknown>,
  outcome: (r: Promise<unknown>) => Promise<void>,
) {
  const before = await Promise.all([snapshot(A.tenantId), snapshot(B.tenantId)]);
  await outcome(call());
  expect(await Promise.all([snapshot(A.tenantId), snapshot(B.tenantId)])).toEqual(before);
}

describe("signed out", () => {
  it.each([...ownerOnlyTenantActions(), ...adminActions()].map((c) => [c.name, c] as const))(
    "%s redirects to sign-in, nothing changed",
    async (_n, c) => {
      session.userId = null;
      await expectNothingChanged(c.call, (r) =>
        expect(r).rejects.toThrow(/^redirect \/sign-in\?callbackUrl=/),
      );
    },
  );
});

describe("as tenant A's member", () => {
  it.each(ownerOnlyTenantActions().map((c) => [c.name, c] as const))(
    "%s is refused server-side, nothing changed",
    async (_n, c) => {
      session.userId = A.memberId;
      await expectNothingChanged(c.call, async (r) =>
        expect(await r).toEqual({
          ok: false,
          message: expect.stringMatching(/^Only the account owner can manage (keys|alerts)\.$/),
        }),
      );
    },
  );
});

describe("as tenant A's owner", () => {
  it.each(adminActions().map((c) => [c.name, c] as const))(
    "admin action %s is refused (403), nothing changed",
    async (_n, c) => {
      session.userId = A.ownerId;
      await expectNothingChanged(c.call, (r) => expect(r).rejects.toThrow(/^forbidden$/));
    },
  );

  const forged = (): Array<Call & { message: RegExp; fieldErrors?: Record<string, string[]> }> => [
    {
      name: "revokeOwnKeyAction with B's key",
      message: /^No such key$/,
      call: () => tenantKeys.revokeOwnKeyAction(INITIAL, form([["keyId", B.keyId]])),
    },
    {
      name: "saveRuleAction editing B's rule",
      message: /^No such rule/,
      call: () =>
        tenantAlerts.saveRuleAction(
          INITIAL,
          form([
            ["id", B.ruleId],
            ["kind", "BALANCE_BELOW"],
            ["threshold", "1"],
          ]),
        ),
    },
    {
      name: "saveRuleAction attaching B's channel",
      message: /channel does not exist/,
      fieldErrors: { channelIds: ["A chosen channel does not exist."] },
      call: () =>
        tenantAlerts.saveRuleAction(
          INITIAL,
          form([
            ["kind", "BALANCE_BELOW"],
            ["threshold", "2"],
            ["channelIds", B.channelId],
          ]),
        ),
    },
    {
      name: "toggleRuleAction on B's rule",
      message: /^No such rule/,
      call: () =>
        tenantAlerts.toggleRuleAction(
          INITIAL,
          form([
            ["id", B.ruleId],
            ["enabled", "false"],
          ]),
        ),
    },
    {
      name: "deleteRuleAction on B's rule",
      message: /^No such rule/,
      call: () => tenantAlerts.deleteRuleAction(INITIAL, form([["id", B.ruleId]])),
    },
    {
      name: "deleteChannelAction on B's channel",
      message: /^No such channel/,
      call: () => tenantAlerts.deleteChannelAction(INITIAL, form([["id", B.channelId]])),
    },
    {
      name: "sendTestAction to B's channel",
      message: /^No such channel/,
      call: () => tenantAlerts.sendTestAction(INITIAL, form([["id", B.channelId]])),
    },
    {
      name: "retryDeliveryAction on B's dead delivery",
      message: /^No such delivery/,
      call: () => tenantAlerts.retryDeliveryAction(INITIAL, form([["id", B.deliveryId]])),
    },
  ];
  it.each(forged().map((c) => [c.name, c] as const))("%s: not found, nothing changed", async (_n, c) => {
    session.userId = A.ownerId;
    await expectNothingChanged(c.call, async (r) =>
      expect(await r).toMatchObject({
        ok: false,
        message: expect.stringMatching(c.message),
        ...(c.fieldErrors && { fieldErrors: c.fieldErrors }),
      }),
    );
  });

  // A tenant id in a hidden field is ignored: the session's tenant is the only one an action uses.
  it.each([
    {
      name: "createOwnKeyAction",
      call: () =>
        tenantKeys.createOwnKeyAction(
          INITIAL,
          form([
            ["name", "forged tenant"],
            ["tenantId", B.tenantId],
          ]),
        ),
      count: (t: string) => db.prisma.apiKey.count({ where: { tenantId: t, name: "forged tenant" } }),
    },
    {
      name: "createChannelAction",
      call: () =>
        tenantAlerts.createChannelAction(
          INITIAL,
          form([
            ["kind", "EMAIL"],
            ["name", "forged tenant"],
            ["target", "a@example.com"],
            ["tenantId", B.tenantId],
          ]),
        ),
      count: (t: string) =>
        db.prisma.notificationChannel.count({ where: { tenantId: t, name: "forged tenant" } }),
    },
  ])("$name with B's tenant id in a hidden field creates for A only", async ({ call, count }) => {
    session.userId = A.ownerId;
    const before = await snapshot(B.tenantId);
    expect(await call()).toMatchObject({ ok: true });
    expect([await count(A.tenantId), await count(B.tenantId)]).toEqual([1, 0]);
    expect(await snapshot(B.tenantId)).toEqual(before);
  });
});
