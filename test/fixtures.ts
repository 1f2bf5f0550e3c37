// Minimal rows for integration tests: a plan, a tenant with a balance and an active API key.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { generateApiKey } from "@/lib/keys/api-key";

/** gpt-4o-mini at $0.15 / $0.60 per million tokens: 1,000 in + 500 out costs 450 µUSD. */
export const TEST_MODEL = {
  id: "gpt-4o-mini",
  provider: "openai",
  displayName: "GPT-4o mini",
  inputPrice: 150_000n,
  outputPrice: 600_000n,
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
