// Minimal rows for integration tests: a plan, a tenant with a balance and an active API key.
import type { ModelPrice } from "@/lib/decisions/cost";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { generateApiKey } from "@/lib/keys/api-key";

/** $0.15 / $0.60 per million tokens, cached input at the input price, no per-call price. */
export const TEST_PRICE = {
  inputPrice: 150_000n,
  outputPrice: 600_000n,
  cachedInputPrice: 150_000n,
  requestPrice: null,
};

/**
 * gpt-4o-mini with one price version in force since the epoch (as the migration moved existing
 * prices), as `prisma.model.create({ data: TEST_MODEL })` takes it: 1,000 in + 500 out costs 450 µUSD.
 */
export const TEST_MODEL = {
  id: "gpt-4o-mini",
  provider: "openai",
  displayName: "GPT-4o mini",
  prices: { create: { effectiveFrom: new Date(0), ...TEST_PRICE, createdBy: "SYSTEM" } },
};

/** TEST_MODEL as decide() sees it. */
export const TEST_MODEL_PRICE: ModelPrice = {
  id: TEST_MODEL.id,
  active: true,
  maxOutputTokens: null,
  ...TEST_PRICE,
};

export async function createTenantWithKey(
  prisma: PrismaClient,
  opts: { slug: string; available: bigint; planKey?: string; requestsPerMinute?: number; timeZone?: string },
) {
  const planKey = opts.planKey ?? "test-plan";
  await prisma.model.upsert({ where: { id: TEST_MODEL.id }, update: {}, create: TEST_MODEL });
  const plan = await prisma.plan.upsert({
    where: { key: planKey },
    update: {},
    create: {
      key: planKey,
      name: "Test",
      monthlyPrice: 0n,
      requestsPerMinute: opts.requestsPerMinute ?? 100_000,
      features: ["chat"],
      allowedModels: [],
      topUpAmounts: [],
    },
  });
  const tenant = await prisma.tenant.create({
    data: { name: opts.slug, slug: opts.slug, planId: plan.id, timeZone: opts.timeZone ?? "UTC" },
  });
  await prisma.creditBalance.create({ data: { tenantId: tenant.id, available: opts.available } });
  const key = generateApiKey("test");
  const apiKey = await prisma.apiKey.create({
    data: {
      tenantId: tenant.id,
      name: "test",
      prefix: key.prefix,
      hash: key.hash,
      status: "ACTIVE",
      allowedModels: [],
    },
  });
  return { tenant, plan, apiKey, secret: key.secret };
}
