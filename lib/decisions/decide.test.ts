import { describe, expect, it } from "vitest";

import { REFUSAL_CODES, REFUSALS, type RefusalCode } from "@/lib/decisions/codes";
import { decide } from "@/lib/decisions/decide";
import type { DecisionRequest, DecisionSnapshot } from "@/lib/decisions/types";

const NOW = new Date("2026-11-25T12:00:00Z");
const DAY = 86_400_000;
// gpt-4o-mini prices: $0.15 / $0.60 per million tokens.
const MINI = {
  id: "gpt-4o-mini",
  active: true,
  maxOutputTokens: null,
  inputPrice: 150_000n,
  outputPrice: 600_000n,
  cachedInputPrice: 75_000n,
  requestPrice: null,
};
const REQ: DecisionRequest = { model: "gpt-4o-mini", inputTokens: 1000, maxOutputTokens: 500 };
const REQ_COST = 450n; // 1000 × 0.15 + 500 × 0.60 = 450 µUSD

function healthy(): DecisionSnapshot {
  return {
    key: { id: "key_1", status: "ACTIVE", allowedModels: [], dailySpendCap: null, monthlySpendCap: null },
    tenant: { id: "t_1", timeZone: "UTC", status: "ACTIVE", dailySpendCap: null, monthlySpendCap: null },
    plan: {
      key: "pro",
      monthlyPrice: 49_000_000n,
      monthlyTokenQuota: 10_000_000n,
      quotaMode: "HARD",
      requestsPerMinute: 600,
      maxContextTokens: 128_000,
      features: ["chat", "tools"],
      allowedModels: ["gpt-4o-mini", "gpt-4o"],
      pastDueGraceDays: 3,
      requiresPaymentMethod: true,
    },
    subscription: { status: "active", pastDueSince: null },
    defaultCard: { expMonth: 12, expYear: 2027 },
    openInvoiceUrl: "https://invoice.stripe.com/i/acct_1/test_1",
    model: { ...MINI },
    balance: { available: 5_000_000n, reserved: 0n },
    quota: { used: 0n, resetsAt: new Date("2026-12-01T00:00:00Z") },
    spend: {
      tenantDay: 0n,
      tenantMonth: 0n,
      keyDay: 0n,
      keyMonth: 0n,
      dayResetsAt: new Date("2026-11-26T00:00:00Z"),
      monthResetsAt: new Date("2026-12-01T00:00:00Z"),
    },
    rateLimit: { limit: 600, remaining: 599, resetsAt: new Date(NOW.getTime() + 60_000), limited: false },
    appUrl: "https://tollgate.example.com",
  };
}

type Case = {
  name: string;
  edit: (s: DecisionSnapshot) => void;
  req?: Partial<DecisionRequest>;
  code: RefusalCode | null;
};

const cases: Case[] = [
  { name: "healthy", edit: () => {}, code: null },
  { name: "revoked key", edit: (s) => (s.key.status = "REVOKED"), code: "key_revoked" },
  {
    name: "key awaiting approval",
    edit: (s) => (s.key.status = "PENDING_APPROVAL"),
    code: "approval_pending",
  },
  { name: "suspended tenant", edit: (s) => (s.tenant.status = "SUSPENDED"), code: "tenant_suspended" },
  // Grace edges: 3 days from pastDueSince; the last millisecond inside is allowed, the edge is not.
  {
    name: "past due, inside grace",
    edit: (s) =>
      (s.subscription = { status: "past_due", pastDueSince: new Date(NOW.getTime() - 3 * DAY + 1) }),
    code: null,
  },
  {
    name: "past due, grace just ended",
    edit: (s) => (s.subscription = { status: "past_due", pastDueSince: new Date(NOW.getTime() - 3 * DAY) }),
    code: "subscription_past_due",
  },
  {
    name: "past due, zero grace",
    edit: (s) => {
      s.plan.pastDueGraceDays = 0;
      s.subscription = { status: "past_due", pastDueSince: NOW };
    },
    code: "subscription_past_due",
  },
  {
    name: "canceled",
    edit: (s) => (s.subscription = { status: "canceled", pastDueSince: null }),
    code: "subscription_canceled",
  },
  {
    name: "unpaid",
    edit: (s) => (s.subscription = { status: "unpaid", pastDueSince: null }),
    code: "subscription_canceled",
  },
  {
    name: "incomplete_expired",
    edit: (s) => (s.subscription = { status: "incomplete_expired", pastDueSince: null }),
    code: "subscription_canceled",
  },
  {
    name: "canceled on a free plan",
    edit: (s) => {
      s.plan.monthlyPrice = 0n;
      s.subscription = { status: "canceled", pastDueSince: null };
    },
    code: null,
  },
  {
    name: "incomplete",
    edit: (s) => (s.subscription = { status: "incomplete", pastDueSince: null }),
    code: "subscription_inactive",
  },
  {
    name: "paused",
    edit: (s) => (s.subscription = { status: "paused", pastDueSince: null }),
    code: "subscription_inactive",
  },
  { name: "paid plan, no subscription", edit: (s) => (s.subscription = null), code: "subscription_inactive" },
  {
    name: "free plan, no subscription",
    edit: (s) => {
      s.plan.monthlyPrice = 0n;
      s.subscription = null;
    },
    code: null,
  },
  {
    name: "trialing",
    edit: (s) => (s.subscription = { status: "trialing", pastDueSince: null }),
    code: null,
  },
  {
    name: "no card on a plan that needs one",
    edit: (s) => (s.defaultCard = null),
    code: "payment_method_required",
  },
  {
    name: "card expiring this month",
    edit: (s) => (s.defaultCard = { expMonth: 11, expYear: 2026 }),
    code: null,
  },
  {
    name: "card expired last month",
    edit: (s) => (s.defaultCard = { expMonth: 10, expYear: 2026 }),
    code: "card_expired",
  },
  {
    name: "expired card, plan needs none",
    edit: (s) => {
      s.plan.requiresPaymentMethod = false;
      s.defaultCard = { expMonth: 1, expYear: 2020 };
    },
    code: null,
  },
  { name: "unknown model", edit: (s) => (s.model = null), code: "model_not_allowed" },
  { name: "withdrawn model", edit: (s) => (s.model!.active = false), code: "model_not_allowed" },
  { name: "model not in plan", edit: (s) => (s.plan.allowedModels = ["gpt-4o"]), code: "model_not_allowed" },
  { name: "model not on key", edit: (s) => (s.key.allowedModels = ["gpt-4o"]), code: "model_not_allowed" },
  { name: "empty plan list = every model", edit: (s) => (s.plan.allowedModels = []), code: null },
  { name: "feature not in plan", edit: () => {}, req: { feature: "vision" }, code: "feature_not_in_plan" },
  { name: "feature in plan", edit: () => {}, req: { feature: "tools" }, code: null },
  { name: "context exactly at limit", edit: () => {}, req: { contextTokens: 128_000 }, code: null },
  {
    name: "context one over limit",
    edit: () => {},
    req: { contextTokens: 128_001 },
    code: "context_too_long",
  },
  {
    name: "input tokens stand in for context",
    edit: () => {},
    req: { inputTokens: 128_001 },
    code: "context_too_long",
  },
  {
    name: "rate limited",
    edit: (s) => (s.rateLimit = { ...s.rateLimit, remaining: 0, limited: true }),
    code: "rate_limited",
  },
  // Quota to the token: the call needs 1,500 tokens.
  { name: "quota exactly reached", edit: (s) => (s.quota.used = 10_000_000n - 1500n), code: null },
  { name: "quota one token over", edit: (s) => (s.quota.used = 10_000_000n - 1499n), code: "quota_exceeded" },
  {
    name: "soft quota over",
    edit: (s) => {
      s.plan.quotaMode = "SOFT";
      s.quota.used = 10_000_000n;
    },
    code: null,
  },
  {
    name: "unlimited quota",
    edit: (s) => {
      s.plan.monthlyTokenQuota = null;
      s.quota.used = 10n ** 12n;
    },
    code: null,
  },
  {
    name: "key daily cap exactly reached",
    edit: (s) => {
      s.key.dailySpendCap = 1000n;
      s.spend.keyDay = 1000n - REQ_COST;
    },
    code: null,
  },
  {
    name: "key daily cap passed",
    edit: (s) => {
      s.key.dailySpendCap = 1000n;
      s.spend.keyDay = 1001n - REQ_COST;
    },
    code: "budget_exceeded",
  },
  {
    name: "tenant monthly cap passed",
    edit: (s) => {
      s.tenant.monthlySpendCap = 10_000n;
      s.spend.tenantMonth = 9_600n;
    },
    code: "budget_exceeded",
  },
  { name: "exact balance", edit: (s) => (s.balance.available = REQ_COST), code: null },
  { name: "one micro short", edit: (s) => (s.balance.available = REQ_COST - 1n), code: "credits_exhausted" },
  { name: "negative balance", edit: (s) => (s.balance.available = -5n), code: "credits_exhausted" },
];

describe("decide", () => {
  it.each(cases)("$name → $code", ({ edit, req, code }) => {
    const snapshot = healthy();
    edit(snapshot);
    const decision = decide(snapshot, { ...REQ, ...req }, NOW);
    if (code === null) {
      expect(decision).toMatchObject({ allowed: true, cost: REQ_COST });
    } else {
      expect(decision).toMatchObject({
        allowed: false,
        code,
        status: REFUSALS[code].status,
        retryable: REFUSALS[code].retryable,
      });
    }
  });

  it("answers key_unknown with 401 when there is no snapshot", () => {
    expect(decide(null, REQ, NOW, "https://t.example")).toMatchObject({
      allowed: false,
      code: "key_unknown",
      status: 401,
      remedy: { action: "contact_admin" },
    });
  });

  it("checks in the documented order: the first failure wins", () => {
    // Break everything, then repair one thing at a time: each repair reveals the next code.
    const s = healthy();
    const req: DecisionRequest = { ...REQ, feature: "vision", contextTokens: 200_000 };
    s.key.status = "REVOKED";
    s.tenant.status = "SUSPENDED";
    s.subscription = { status: "past_due", pastDueSince: new Date(NOW.getTime() - 10 * DAY) };
    s.defaultCard = { expMonth: 1, expYear: 2025 };
    s.plan.allowedModels = ["gpt-4o"];
    s.rateLimit.limited = true;
    s.quota.used = 10_000_000n;
    s.tenant.dailySpendCap = 1n;
    s.balance.available = 0n;
    const repairs: Array<[RefusalCode, () => void]> = [
      ["key_revoked", () => (s.key.status = "PENDING_APPROVAL")],
      ["approval_pending", () => (s.key.status = "ACTIVE")],
      ["tenant_suspended", () => (s.tenant.status = "ACTIVE")],
      ["subscription_past_due", () => (s.subscription = { status: "canceled", pastDueSince: null })],
      ["subscription_canceled", () => (s.subscription = { status: "paused", pastDueSince: null })],
      ["subscription_inactive", () => (s.subscription = { status: "active", pastDueSince: null })],
      ["card_expired", () => (s.defaultCard = null)],
      ["payment_method_required", () => (s.defaultCard = { expMonth: 12, expYear: 2030 })],
      ["model_not_allowed", () => (s.plan.allowedModels = [])],
      ["feature_not_in_plan", () => delete req.feature],
      ["context_too_long", () => delete req.contextTokens],
      ["rate_limited", () => (s.rateLimit.limited = false)],
      ["quota_exceeded", () => (s.quota.used = 0n)],
      ["budget_exceeded", () => (s.tenant.dailySpendCap = null)],
      ["credits_exhausted", () => (s.balance.available = 1_000_000n)],
    ];
    const seen: RefusalCode[] = [];
    for (const [expected, repair] of repairs) {
      const d = decide(s, req, NOW);
      expect(d.allowed).toBe(false);
      if (!d.allowed) seen.push(d.code);
      expect(seen.at(-1)).toBe(expected);
      repair();
    }
    expect(decide(s, req, NOW).allowed).toBe(true);
    // Every code but key_unknown (no snapshot at all) was reached, in the code table's order.
    expect(seen).toEqual(REFUSAL_CODES.filter((c) => c !== "key_unknown"));
  });

  it("gives the numbers and a concrete remedy on a quota refusal", () => {
    const s = healthy();
    s.quota.used = 9_999_000n;
    expect(decide(s, REQ, NOW)).toMatchObject({
      code: "quota_exceeded",
      limit: 10_000_000n,
      used: 9_999_000n,
      remaining: 1_000n,
      resetsAt: s.quota.resetsAt,
      remedy: { action: "upgrade_plan", url: "https://tollgate.example.com/app/billing#plans" },
    });
  });

  it("points a past-due refusal at the open invoice", () => {
    const s = healthy();
    s.subscription = { status: "past_due", pastDueSince: new Date(NOW.getTime() - 5 * DAY) };
    expect(decide(s, REQ, NOW)).toMatchObject({ remedy: { action: "pay_invoice", url: s.openInvoiceUrl } });
  });

  it("warns inside the grace period, on soft overage and on a card expiring soon", () => {
    const s = healthy();
    s.subscription = { status: "past_due", pastDueSince: new Date(NOW.getTime() - DAY) };
    s.plan.quotaMode = "SOFT";
    s.quota.used = 10_000_000n;
    s.defaultCard = { expMonth: 11, expYear: 2026 }; // valid through Nov 30
    const d = decide(s, REQ, NOW);
    expect(d.allowed && d.limits.warnings.map((w) => w.code)).toEqual([
      "subscription_past_due",
      "card_expiring",
      "quota_overage",
    ]);
  });

  it("refuses a withdrawn model with its own detail and the admin as the remedy", () => {
    const s = healthy();
    s.model = { ...MINI, active: false };
    expect(decide(s, REQ, NOW)).toMatchObject({
      code: "model_not_allowed",
      detail: "The model gpt-4o-mini has been withdrawn from the catalogue.",
      remedy: { action: "contact_admin" },
    });
  });

  it("reserves the model's maxOutputTokens when the call sends none, and the call's own when it does", () => {
    const s = healthy();
    s.model = { ...MINI, maxOutputTokens: 4_000 };
    // 1,000 × 0.15 + 4,000 × 0.60 = 2,550 µUSD, and 5,000 tokens held against the quota.
    expect(decide(s, { model: "gpt-4o-mini", inputTokens: 1000 }, NOW)).toMatchObject({
      allowed: true,
      cost: 2_550n,
      tokens: 5_000n,
    });
    expect(decide(s, REQ, NOW)).toMatchObject({ allowed: true, cost: REQ_COST, tokens: 1_500n });
    // Without either, nothing is reserved for output (as before the catalogue had the field).
    expect(decide(healthy(), { model: "gpt-4o-mini", inputTokens: 1000 }, NOW)).toMatchObject({
      cost: 150n,
    });
  });

  it("adds a per-call price: an authorize without token counts reserves exactly that", () => {
    const s = healthy();
    s.model = { ...MINI, requestPrice: 40_000n };
    expect(decide(s, { model: "gpt-4o-mini" }, NOW)).toMatchObject({
      allowed: true,
      cost: 40_000n,
      tokens: 0n,
    });
    expect(decide(s, REQ, NOW)).toMatchObject({ allowed: true, cost: REQ_COST + 40_000n });
    s.balance.available = 39_999n;
    expect(decide(s, { model: "gpt-4o-mini" }, NOW)).toMatchObject({
      code: "credits_exhausted",
      limit: 40_000n,
    });
  });

  it("rounds the cost up to the next micro-USD", () => {
    const d = decide(healthy(), { model: "gpt-4o-mini", inputTokens: 1, maxOutputTokens: 0 }, NOW);
    expect(d.allowed && d.cost).toBe(1n); // 0.15 µUSD → 1
  });
});
