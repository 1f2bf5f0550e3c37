// Demo plans and models. Prices are realistic list prices; money is micro-USD (token prices per
// million tokens).
import type { CatalogModel } from "@/lib/decisions/cost";
import { usdToMicros } from "@/lib/money/format";

const usd = usdToMicros;

type DemoPrice = { inputPrice: bigint; outputPrice: bigint; cachedInputPrice?: bigint };

/** A demo model: its price now, and optionally the one it had until `daysAgo` or will have in `inDays`. */
type DemoModel = {
  id: string;
  provider: string;
  displayName: string;
  contextWindow: number;
  maxOutputTokens: number;
  price: DemoPrice;
  earlier?: DemoPrice & { untilDaysAgo: number; note: string };
  scheduled?: DemoPrice & { inDays: number; note: string };
};

export const DEMO_MODELS = [
  {
    id: "gpt-4o-mini",
    provider: "openai",
    displayName: "GPT-4o mini",
    contextWindow: 128_000,
    maxOutputTokens: 16_384,
    price: { inputPrice: usd(0.15), outputPrice: usd(0.6), cachedInputPrice: usd(0.075) },
  },
  {
    id: "gpt-4o",
    provider: "openai",
    displayName: "GPT-4o",
    contextWindow: 128_000,
    maxOutputTokens: 16_384,
    price: { inputPrice: usd(2.5), outputPrice: usd(10), cachedInputPrice: usd(1.25) },
    earlier: { inputPrice: usd(5), outputPrice: usd(15), untilDaysAgo: 45, note: "Provider price cut" },
  },
  {
    id: "claude-3-5-haiku",
    provider: "anthropic",
    displayName: "Claude 3.5 Haiku",
    contextWindow: 200_000,
    maxOutputTokens: 8_192,
    price: { inputPrice: usd(0.8), outputPrice: usd(4), cachedInputPrice: usd(0.08) },
  },
  {
    id: "claude-sonnet-4",
    provider: "anthropic",
    displayName: "Claude Sonnet 4",
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    price: { inputPrice: usd(3), outputPrice: usd(15), cachedInputPrice: usd(0.3) },
  },
  {
    id: "gemini-2.0-flash",
    provider: "google",
    displayName: "Gemini 2.0 Flash",
    contextWindow: 1_048_576,
    maxOutputTokens: 8_192,
    price: { inputPrice: usd(0.1), outputPrice: usd(0.4), cachedInputPrice: usd(0.025) },
    scheduled: {
      inputPrice: usd(0.15),
      outputPrice: usd(0.6),
      cachedInputPrice: usd(0.0375),
      inDays: 14,
      note: "Announced list-price rise",
    },
  },
  {
    id: "llama-3.1-70b",
    provider: "meta",
    displayName: "Llama 3.1 70B",
    contextWindow: 131_072,
    maxOutputTokens: 4_096,
    price: { inputPrice: usd(0.88), outputPrice: usd(0.88) },
  },
] as const satisfies readonly DemoModel[];

export type DemoModelId = (typeof DEMO_MODELS)[number]["id"];

/** When the demo's plans and models were set up: before any demo tenant signed up. */
export function demoCatalogAt(now: Date): Date {
  return new Date(now.getTime() - 95 * 86_400_000);
}

/** The Model rows, listed when the catalogue was set up. */
export function demoModelRows(catalogAt: Date) {
  return DEMO_MODELS.map((m) => ({
    id: m.id,
    provider: m.provider,
    displayName: m.displayName,
    contextWindow: m.contextWindow,
    maxOutputTokens: m.maxOutputTokens,
    createdAt: catalogAt,
    updatedAt: catalogAt,
  }));
}

/**
 * The ModelPrice rows, as the catalogue's domain functions would have written them: a first
 * version when the catalogue was set up (by the system), a price cut an admin made 45 days ago,
 * and a rise scheduled in advance. Usage and decisions are priced from the same rows (demoCatalog).
 */
export function demoPriceRows(now: Date, catalogAt: Date, adminId: string) {
  const DAY_MS = 86_400_000;
  const version = (
    m: DemoModel,
    p: DemoPrice,
    effectiveFrom: Date,
    createdAt: Date,
    by: string,
    note: string,
  ) => ({
    modelId: m.id,
    effectiveFrom,
    inputPrice: p.inputPrice,
    outputPrice: p.outputPrice,
    cachedInputPrice: p.cachedInputPrice ?? p.inputPrice,
    requestPrice: null,
    createdAt,
    createdBy: by,
    note,
  });
  return (DEMO_MODELS as readonly DemoModel[]).flatMap((m) => {
    const admin = `USER:${adminId}`;
    const rows = [version(m, m.earlier ?? m.price, catalogAt, catalogAt, "SYSTEM", "Demo catalogue")];
    if (m.earlier) {
      const at = new Date(now.getTime() - m.earlier.untilDaysAgo * DAY_MS);
      rows.push(version(m, m.price, at, at, admin, m.earlier.note));
    }
    if (m.scheduled) {
      const at = new Date(now.getTime() - DAY_MS);
      rows.push(
        version(
          m,
          m.scheduled,
          new Date(now.getTime() + m.scheduled.inDays * DAY_MS),
          at,
          admin,
          m.scheduled.note,
        ),
      );
    }
    return rows;
  });
}

/** The demo catalogue as the decision path caches it, to price each demo call at its instant. */
export function demoCatalog(now: Date): Map<string, CatalogModel> {
  const versions = demoPriceRows(now, demoCatalogAt(now), "");
  return new Map(
    DEMO_MODELS.map((m) => [
      m.id,
      {
        id: m.id,
        active: true,
        maxOutputTokens: m.maxOutputTokens,
        versions: versions.filter((v) => v.modelId === m.id),
      },
    ]),
  );
}

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
