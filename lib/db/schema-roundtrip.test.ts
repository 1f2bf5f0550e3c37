// Every model, every field: created, read back and updated through the generated client against
// the migrated database. Catches drift between schema.prisma, the migrations and the client, and
// fails when a field is added to the schema without being added here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { Prisma } from "@/lib/generated/prisma/client";
import { createTestDatabase, type TestDatabase } from "@/test/db";

const T0 = new Date("2026-03-08T06:30:00.000Z");
const DAY0 = new Date("2026-03-08T00:00:00.000Z");

type Spec = {
  model: Prisma.ModelName;
  /** Primary-key and foreign-key fields: not changed by the update. */
  keep: string[];
  /** Values for enum fields (a generic change would not be a valid enum value). */
  enumUpdate?: Record<string, string>;
  create: Record<string, unknown>;
};

// Creation order respects foreign keys.
const specs: Spec[] = [
  {
    model: "Plan",
    keep: ["id"],
    enumUpdate: { quotaMode: "SOFT" },
    create: {
      id: "plan_1",
      key: "pro",
      name: "Pro",
      monthlyPrice: 49_000_000n,
      stripePriceId: "price_1",
      monthlyTokenQuota: 10_000_000n,
      quotaMode: "HARD",
      requestsPerMinute: 600,
      maxContextTokens: 128_000,
      features: ["chat", "tools"],
      allowedModels: ["gpt-4o"],
      pastDueGraceDays: 3,
      requiresPaymentMethod: true,
      topUpAmounts: [10_000_000n, 50_000_000n],
      createdAt: T0,
      updatedAt: T0,
    },
  },
  {
    model: "Model",
    keep: ["id"],
    create: {
      id: "gpt-4o",
      provider: "openai",
      displayName: "GPT-4o",
      contextWindow: 128_000,
      maxOutputTokens: 16_384,
      active: true,
      createdAt: T0,
      updatedAt: T0,
    },
  },
  {
    model: "ModelPrice",
    keep: ["modelId", "effectiveFrom"],
    create: {
      modelId: "gpt-4o",
      effectiveFrom: T0,
      inputPrice: 2_500_000n,
      outputPrice: 10_000_000n,
      cachedInputPrice: 1_250_000n,
      requestPrice: 40_000n,
      createdAt: T0,
      createdBy: "ADMIN_TOKEN",
      note: "launch price",
    },
  },
  {
    model: "Tenant",
    keep: ["id", "planId"],
    enumUpdate: { status: "SUSPENDED" },
    create: {
      id: "ten_1",
      name: "Acme",
      slug: "acme",
      timeZone: "Asia/Kolkata",
      planId: "plan_1",
      status: "ACTIVE",
      stripeCustomerId: "cus_1",
      dailySpendCap: 1_000_000n,
      monthlySpendCap: 20_000_000n,
      flaggedForReview: true,
      flagReason: "dispute",
      createdAt: T0,
      updatedAt: T0,
    },
  },
  {
    model: "User",
    keep: ["id", "tenantId"],
    enumUpdate: { role: "TENANT_MEMBER" },
    create: {
      id: "usr_1",
      email: "o@acme.test",
      name: "Owner",
      passwordHash: "$argon2id$x",
      role: "TENANT_OWNER",
      tenantId: "ten_1",
      lastLoginAt: T0,
      createdAt: T0,
      updatedAt: T0,
    },
  },
  {
    model: "ApiKey",
    keep: ["id", "tenantId", "approvedById"],
    enumUpdate: { status: "REVOKED" },
    create: {
      id: "key_1",
      tenantId: "ten_1",
      name: "prod",
      prefix: "tg_live_abcd",
      hash: "a".repeat(64),
      status: "ACTIVE",
      allowedModels: ["gpt-4o"],
      dailySpendCap: 5n,
      monthlySpendCap: 50n,
      lastUsedAt: T0,
      approvedAt: T0,
      approvedById: "usr_1",
      revokedAt: T0,
      createdAt: T0,
      updatedAt: T0,
    },
  },
  {
    model: "Subscription",
    keep: ["id", "tenantId", "planId"],
    enumUpdate: { status: "past_due", mode: "MANUAL" },
    create: {
      id: "sub_row_1",
      tenantId: "ten_1",
      stripeSubscriptionId: "sub_1",
      mode: "STRIPE",
      status: "active",
      planId: "plan_1",
      stripePriceId: "price_1",
      currentPeriodStart: T0,
      currentPeriodEnd: T0,
      cancelAtPeriodEnd: false,
      canceledAt: T0,
      trialEnd: T0,
      pastDueSince: T0,
      stripeEventCreatedAt: T0,
      stripeEventId: "evt_1",
      createdAt: T0,
      updatedAt: T0,
    },
  },
  {
    model: "PaymentMethod",
    keep: ["id", "tenantId"],
    create: {
      id: "pm_row_1",
      tenantId: "ten_1",
      stripePaymentMethodId: "pm_1",
      brand: "visa",
      last4: "4242",
      expMonth: 12,
      expYear: 2027,
      isDefault: true,
      detachedAt: T0,
      stripeEventCreatedAt: T0,
      stripeEventId: "evt_1",
      createdAt: T0,
      updatedAt: T0,
    },
  },
  {
    model: "Invoice",
    keep: ["id", "tenantId"],
    enumUpdate: { status: "paid" },
    create: {
      id: "inv_row_1",
      tenantId: "ten_1",
      stripeInvoiceId: "in_1",
      stripeSubscriptionId: "sub_1",
      number: "A-1",
      status: "open",
      amountDue: 4900n,
      amountPaid: 0n,
      amountRemaining: 4900n,
      currency: "usd",
      hostedInvoiceUrl: "https://invoice.stripe.com/i/1",
      periodStart: T0,
      periodEnd: T0,
      dueDate: T0,
      paidAt: T0,
      stripeEventCreatedAt: T0,
      stripeEventId: "evt_1",
      createdAt: T0,
      updatedAt: T0,
    },
  },
  {
    model: "StripeEvent",
    keep: ["id", "tenantId"],
    enumUpdate: { status: "PROCESSED" },
    create: {
      id: "evt_1",
      type: "invoice.paid",
      created: T0,
      livemode: false,
      payload: { id: "evt_1", data: { object: { id: "in_1" } } },
      tenantId: "ten_1",
      stripeCustomerId: "cus_1",
      status: "RECEIVED",
      attempts: 1,
      error: "boom",
      receivedAt: T0,
      processedAt: T0,
    },
  },
  {
    model: "StripeObjectRead",
    keep: ["objectId", "created"],
    create: {
      objectId: "sub_1",
      created: T0,
      payload: { id: "sub_1", object: "subscription", status: "active" },
      eventId: "evt_1",
      readAt: T0,
    },
  },
  {
    model: "CreditBalance",
    keep: ["tenantId"],
    create: {
      tenantId: "ten_1",
      available: 1_000_000n,
      reserved: 450n,
      reservedTokens: 1_500n,
      updatedAt: T0,
    },
  },
  {
    model: "CreditLedgerEntry",
    keep: ["id", "tenantId"],
    enumUpdate: { kind: "CHARGE", actorKind: "USER" },
    create: {
      id: 1n,
      tenantId: "ten_1",
      kind: "GRANT",
      amount: 1_000_000n,
      balanceAfter: 1_000_000n,
      reservationId: "res_1",
      grantId: "grant_1",
      stripeObjectId: "ch_1",
      actorKind: "ADMIN_TOKEN",
      actorId: "usr_1",
      reason: "welcome",
      idempotencyKey: "idem-1",
      createdAt: T0,
    },
  },
  {
    model: "CreditGrant",
    keep: ["id", "tenantId"],
    enumUpdate: { source: "PROMO" },
    create: {
      id: "grant_1",
      tenantId: "ten_1",
      amount: 1_000_000n,
      remaining: 999_550n,
      source: "ADMIN",
      priority: 10,
      expiresAt: T0,
      expiredAt: T0,
      stripeObjectId: "cs_1",
      createdAt: T0,
    },
  },
  {
    model: "Reservation",
    keep: ["id", "tenantId", "apiKeyId"],
    enumUpdate: { status: "SETTLED" },
    create: {
      id: "res_1",
      tenantId: "ten_1",
      apiKeyId: "key_1",
      requestId: "req-1",
      model: "gpt-4o",
      amount: 450n,
      tokens: 1_500n,
      status: "HELD",
      expiresAt: T0,
      settledAt: T0,
      releaseReason: "stream cancelled",
      createdAt: T0,
    },
  },
  {
    model: "UsageEvent",
    keep: ["id", "tenantId", "apiKeyId"],
    create: {
      id: 1n,
      tenantId: "ten_1",
      apiKeyId: "key_1",
      requestId: "req-1",
      reservationId: "res_1",
      model: "gpt-4o",
      feature: "chat",
      inputTokens: 1000,
      cachedInputTokens: 400,
      outputTokens: 500,
      cost: 7_500n,
      occurredAt: T0,
      receivedAt: T0,
    },
  },
  {
    model: "UsageRollup",
    keep: ["tenantId", "day", "model"],
    create: {
      tenantId: "ten_1",
      day: DAY0,
      model: "gpt-4o",
      requests: 1,
      inputTokens: 1000n,
      outputTokens: 500n,
      cost: 7_500n,
    },
  },
  {
    model: "QuotaUsage",
    keep: ["tenantId", "periodStart"],
    create: {
      tenantId: "ten_1",
      periodStart: T0,
      periodEnd: T0,
      tokensUsed: 1500n,
      requests: 1,
      cost: 7_500n,
      updatedAt: T0,
    },
  },
  {
    model: "Decision",
    keep: ["id", "tenantId", "apiKeyId"],
    create: {
      id: "dec_1",
      tenantId: "ten_1",
      apiKeyId: "key_1",
      requestId: "req-1",
      model: "gpt-4o",
      feature: "chat",
      allowed: false,
      code: "credits_exhausted",
      httpStatus: 402,
      cost: 450n,
      details: { remaining: "0", remedy: { action: "top_up" } },
      createdAt: T0,
    },
  },
  {
    model: "AlertRule",
    keep: ["id", "tenantId"],
    enumUpdate: { kind: "REFUSALS", state: "FIRING" },
    create: {
      id: "rule_1",
      tenantId: "ten_1",
      kind: "BALANCE_BELOW",
      name: "Low balance",
      threshold: 10_000_000n,
      windowMinutes: 15,
      refusalCode: "rate_limited",
      resolveMarginPct: 20,
      enabled: true,
      isDefault: true,
      state: "OK",
      lastValue: 5n,
      lastEvaluatedAt: T0,
      stateChangedAt: T0,
      createdAt: T0,
      updatedAt: T0,
    },
  },
  {
    model: "AlertEvent",
    keep: ["id", "tenantId", "ruleId"],
    enumUpdate: { kind: "RESOLVED" },
    create: {
      id: "ae_1",
      tenantId: "ten_1",
      ruleId: "rule_1",
      kind: "FIRING",
      value: 5n,
      threshold: 10_000_000n,
      message: "Balance below $10",
      createdAt: T0,
    },
  },
  {
    model: "NotificationChannel",
    keep: ["id", "tenantId"],
    enumUpdate: { kind: "SLACK" },
    create: {
      id: "ch_1",
      tenantId: "ten_1",
      kind: "WEBHOOK",
      name: "ops",
      target: "https://hooks.example/x",
      secret: "whsec_x",
      enabled: true,
      createdAt: T0,
      updatedAt: T0,
    },
  },
  {
    model: "AlertRuleChannel",
    keep: ["ruleId", "channelId"],
    create: { ruleId: "rule_1", channelId: "ch_1" },
  },
  {
    model: "NotificationDelivery",
    keep: ["id", "tenantId", "channelId", "alertEventId"],
    enumUpdate: { status: "DEAD" },
    create: {
      id: "del_1",
      tenantId: "ten_1",
      channelId: "ch_1",
      alertEventId: "ae_1",
      isTest: false,
      status: "PENDING",
      attempts: 1,
      responseCode: 500,
      responseBody: "oops",
      latencyMs: 12,
      error: "HTTP 500",
      payload: { type: "alert.firing" },
      nextAttemptAt: T0,
      deliveredAt: T0,
      createdAt: T0,
      updatedAt: T0,
    },
  },
  {
    model: "NotificationAttempt",
    keep: ["id", "deliveryId"],
    create: {
      id: 1n,
      deliveryId: "del_1",
      attempt: 1,
      ok: false,
      responseCode: 503,
      responseBody: "busy",
      latencyMs: 40,
      error: "HTTP 503",
      createdAt: T0,
    },
  },
  {
    model: "AuditLog",
    keep: ["id", "tenantId"],
    enumUpdate: { actorKind: "STRIPE" },
    create: {
      id: 1n,
      actorKind: "USER",
      actorId: "usr_1",
      tenantId: "ten_1",
      action: "credits.grant",
      targetType: "Tenant",
      targetId: "ten_1",
      before: { available: "0" },
      after: { available: "1000000" },
      ip: "127.0.0.1",
      causeId: "evt_1",
      createdAt: T0,
    },
  },
];

function changed(value: unknown): unknown {
  if (typeof value === "string") return `${value}-2`;
  if (typeof value === "bigint") return value + 1n;
  if (typeof value === "number") return value + 1;
  if (typeof value === "boolean") return !value;
  if (value instanceof Date) return new Date(value.getTime() + 86_400_000);
  if (Array.isArray(value)) return [...value.map(changed)].reverse();
  return { changed: true, was: value };
}

type Op = (args: Record<string, unknown>) => Promise<Record<string, unknown>>;
const delegate = (db: TestDatabase, model: string) =>
  (db.prisma as unknown as Record<string, { create: Op; findUniqueOrThrow: Op; update: Op }>)[
    model[0]!.toLowerCase() + model.slice(1)
  ]!;

function whereOf(spec: Spec): Record<string, unknown> {
  const { create } = spec;
  if (spec.model === "UsageRollup")
    return { tenantId_day_model: { tenantId: create.tenantId, day: create.day, model: create.model } };
  if (spec.model === "QuotaUsage")
    return { tenantId_periodStart: { tenantId: create.tenantId, periodStart: create.periodStart } };
  if (spec.model === "AlertRuleChannel")
    return { ruleId_channelId: { ruleId: create.ruleId, channelId: create.channelId } };
  if (spec.model === "StripeObjectRead")
    return { objectId_created: { objectId: create.objectId, created: create.created } };
  if (spec.model === "ModelPrice")
    return { modelId_effectiveFrom: { modelId: create.modelId, effectiveFrom: create.effectiveFrom } };
  if (spec.model === "CreditBalance") return { tenantId: create.tenantId };
  return { id: create.id };
}

describe("schema round trip", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("roundtrip");
  });
  afterAll(async () => db?.drop());

  it("covers every model of the schema", () => {
    expect(specs.map((s) => s.model).sort()).toEqual(Object.values(Prisma.ModelName).sort());
  });

  it.each(specs)("$model: every field is written, read back and updated", async (spec) => {
    const fields = Object.keys(
      (Prisma as unknown as Record<string, Record<string, string>>)[`${spec.model}ScalarFieldEnum`]!,
    );
    expect(Object.keys(spec.create).sort()).toEqual(fields.sort());

    const d = delegate(db, spec.model);
    await d.create({ data: spec.create });
    expect(await d.findUniqueOrThrow({ where: whereOf(spec) })).toEqual(spec.create);

    const update: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(spec.create)) {
      // updatedAt is left to @updatedAt, which must stamp the row with the time of the update.
      if (spec.keep.includes(field) || field === "updatedAt") continue;
      update[field] = spec.enumUpdate?.[field] ?? changed(value);
    }
    const updated = await d.update({ where: whereOf(spec), data: update });
    const { updatedAt: _stamped, ...expected } = { ...spec.create, ...update };
    expect(updated).toMatchObject(expected);
    if ("updatedAt" in spec.create)
      expect(Math.abs((updated.updatedAt as Date).getTime() - Date.now())).toBeLessThan(60_000);
    expect(await d.findUniqueOrThrow({ where: whereOf(spec) })).toEqual(updated);
  });
});
