// The banner's answer per tenant state, table-driven on plain rows (decide() is pure).
import { describe, expect, it } from "vitest";

import { healthBanner, probeModel, tenantHealth } from "@/lib/tenants/tenant-health";
import type { TenantStateRow } from "@/lib/tenants/tenant-states";

const NOW = new Date("2026-03-10T12:00:00Z");
const priced = (id: string, inputPrice: bigint, outputPrice: bigint) => ({
  id,
  active: true,
  maxOutputTokens: null,
  inputPrice,
  outputPrice,
  cachedInputPrice: inputPrice,
  requestPrice: null,
});
const MODELS = [priced("big", 3_000_000n, 15_000_000n), priced("small", 150_000n, 600_000n)];

const base: TenantStateRow = {
  id: "t1",
  name: "T",
  slug: "t",
  status: "ACTIVE",
  timeZone: "UTC",
  dailySpendCap: null,
  monthlySpendCap: null,
  flaggedForReview: false,
  createdAt: NOW,
  plan: {
    id: "p",
    key: "pro",
    name: "Pro",
    monthlyPrice: 99_000_000n,
    monthlyTokenQuota: 1_000_000n,
    quotaMode: "HARD",
    requestsPerMinute: 60,
    maxContextTokens: null,
    features: ["chat"],
    allowedModels: [],
    pastDueGraceDays: 7,
    requiresPaymentMethod: true,
  },
  available: 10_000_000n,
  reserved: 0n,
  weekCost: 7_000_000n,
  todayCost: 0n,
  quotaUsed: 0n,
  monthCost: 0n,
  quotaResetsAt: new Date("2026-04-01T00:00:00Z"),
  subscription: { status: "active", pastDueSince: null },
  card: { expMonth: 12, expYear: 2030 },
  activeKeys: 1,
  pendingKeys: 0,
};

const cases: Array<{
  name: string;
  row: Partial<TenantStateRow>;
  level: string;
  title: RegExp;
  action: { label: string; href: string } | null;
}> = [
  { name: "healthy", row: {}, level: "ok", title: /^Calls go through$/, action: null },
  {
    name: "zero credits",
    row: { available: 0n },
    level: "refusing",
    title: /Credits exhausted/,
    action: { label: "Top up credits", href: "/app/billing#top-up" },
  },
  {
    name: "low balance",
    row: { available: 2_000_000n },
    level: "warn",
    title: /with a warning/,
    action: { label: "Top up credits", href: "/app/billing#top-up" },
  },
  {
    name: "past due inside grace",
    row: { subscription: { status: "past_due", pastDueSince: new Date("2026-03-08T00:00:00Z") } },
    level: "warn",
    title: /with a warning/,
    action: { label: "Pay the open invoice", href: "/app/billing#invoices" },
  },
  {
    name: "past due after grace",
    row: { subscription: { status: "past_due", pastDueSince: new Date("2026-02-01T00:00:00Z") } },
    level: "refusing",
    title: /Subscription past due/,
    action: { label: "Pay the open invoice", href: "/app/billing#invoices" },
  },
  {
    name: "canceled",
    row: { subscription: { status: "canceled", pastDueSince: null } },
    level: "refusing",
    title: /Subscription canceled/,
    action: { label: "Choose a plan", href: "/app/billing#plans" },
  },
  {
    name: "card expiring",
    row: { card: { expMonth: 3, expYear: 2026 } },
    level: "warn",
    title: /with a warning/,
    action: { label: "Update your card", href: "/app/billing#payment-methods" },
  },
  {
    name: "card expired",
    row: { card: { expMonth: 2, expYear: 2026 } },
    level: "refusing",
    title: /Card expired/,
    action: { label: "Update your card", href: "/app/billing#payment-methods" },
  },
  {
    name: "quota nearly used",
    row: { quotaUsed: 950_000n },
    level: "warn",
    title: /with a warning/,
    action: { label: "Choose a plan", href: "/app/billing#plans" },
  },
  {
    name: "quota used up",
    row: { quotaUsed: 1_000_000n },
    level: "refusing",
    title: /Monthly quota exceeded/,
    action: { label: "Choose a plan", href: "/app/billing#plans" },
  },
  {
    name: "no active key",
    row: { activeKeys: 0 },
    level: "warn",
    title: /with a warning/,
    action: { label: "Create an API key", href: "/app/keys" },
  },
  {
    name: "suspended",
    row: { status: "SUSPENDED" },
    level: "refusing",
    title: /Account suspended/,
    action: null,
  },
];

describe("tenant health banner", () => {
  it.each(cases)("$name → $level", ({ row, level, title, action }) => {
    const h = tenantHealth({ ...base, ...row }, MODELS, NOW);
    const b = healthBanner(h);
    expect(b.level).toBe(level);
    expect(b.title).toMatch(title);
    expect(b.action).toEqual(action);
  });

  it("probes with the cheapest model the plan allows", () => {
    expect(probeModel([], MODELS)?.id).toBe("small");
    expect(probeModel(["big"], MODELS)?.id).toBe("big");
    expect(probeModel(["unknown"], MODELS)).toBeNull();
  });

  it("a plan with no priced model is refused as model_not_allowed, not a crash", () => {
    const h = tenantHealth({ ...base, plan: { ...base.plan, allowedModels: ["unknown"] } }, MODELS, NOW);
    expect(h.decision.allowed === false && h.decision.code).toBe("model_not_allowed");
  });
});
