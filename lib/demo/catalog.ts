// Demo plans and models. Prices are realistic list prices; money is micro-USD.
import { usdToMicros } from "@/lib/money/format";

const usd = usdToMicros;

export const DEMO_MODELS = [
  {
    id: "gpt-4o-mini",
    provider: "openai",
    displayName: "GPT-4o mini",
    inputPrice: usd(0.15),
    outputPrice: usd(0.6),
  },
  { id: "gpt-4o", provider: "openai", displayName: "GPT-4o", inputPrice: usd(2.5), outputPrice: usd(10) },
  {
    id: "claude-3-5-haiku",
    provider: "anthropic",
    displayName: "Claude 3.5 Haiku",
    inputPrice: usd(0.8),
    outputPrice: usd(4),
  },
  {
    id: "claude-sonnet-4",
    provider: "anthropic",
    displayName: "Claude Sonnet 4",
    inputPrice: usd(3),
    outputPrice: usd(15),
  },
  {
    id: "gemini-2.0-flash",
    provider: "google",
    displayName: "Gemini 2.0 Flash",
    inputPrice: usd(0.1),
    outputPrice: usd(0.4),
  },
  {
    id: "llama-3.1-70b",
    provider: "meta",
    displayName: "Llama 3.1 70B",
    inputPrice: usd(0.88),
    outputPrice: usd(0.88),
  },
] as const;

export type DemoPlanKey = "free" | "starter" | "pro" | "enterprise";

export const DEMO_PLANS = [
  {
    id: "plan_free",
    key: "free",
    name: "Free",
    monthlyPrice: 0n,
    stripePriceId: null,
    monthlyTokenQuota: 1_000_000n,
    quotaMode: "HARD",
    requestsPerMinute: 20,
    maxContextTokens: 8_192,
    features: ["chat"],
    allowedModels: ["gpt-4o-mini", "gemini-2.0-flash"],
    pastDueGraceDays: 0,
    requiresPaymentMethod: false,
    topUpAmounts: [usd(5), usd(10), usd(25)],
  },
  {
    id: "plan_starter",
    key: "starter",
    name: "Starter",
    monthlyPrice: usd(19),
    stripePriceId: "price_demo_starter",
    monthlyTokenQuota: 20_000_000n,
    quotaMode: "HARD",
    requestsPerMinute: 120,
    maxContextTokens: 32_000,
    features: ["chat", "embeddings", "tools"],
    allowedModels: ["gpt-4o-mini", "gpt-4o", "claude-3-5-haiku", "gemini-2.0-flash"],
    pastDueGraceDays: 3,
    requiresPaymentMethod: true,
    topUpAmounts: [usd(10), usd(25), usd(50), usd(100)],
  },
  {
    id: "plan_pro",
    key: "pro",
    name: "Pro",
    monthlyPrice: usd(99),
    stripePriceId: "price_demo_pro",
    monthlyTokenQuota: 200_000_000n,
    quotaMode: "HARD",
    requestsPerMinute: 600,
    maxContextTokens: 128_000,
    features: ["chat", "embeddings", "tools", "vision", "batch"],
    allowedModels: [],
    pastDueGraceDays: 7,
    requiresPaymentMethod: true,
    topUpAmounts: [usd(50), usd(100), usd(250), usd(500)],
  },
  {
    id: "plan_enterprise",
    key: "enterprise",
    name: "Enterprise",
    monthlyPrice: usd(2000),
    stripePriceId: "price_demo_enterprise",
    monthlyTokenQuota: 2_000_000_000n,
    quotaMode: "SOFT",
    requestsPerMinute: 3_000,
    maxContextTokens: 200_000,
    features: ["chat", "embeddings", "tools", "vision", "batch", "fine_tuning"],
    allowedModels: [],
    pastDueGraceDays: 14,
    requiresPaymentMethod: false,
    topUpAmounts: [usd(1000), usd(5000)],
  },
] as const satisfies ReadonlyArray<
  { key: DemoPlanKey; quotaMode: "HARD" | "SOFT" } & Record<string, unknown>
>;

export function demoPlan(key: DemoPlanKey) {
  return DEMO_PLANS.find((p) => p.key === key)!;
}
