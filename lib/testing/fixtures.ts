// Minimal rows for integration tests: a plan, a tenant with a balance and an active API key.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { generateApiKey } from "@/lib/keys/api-key";

export async function createTenantWithKey(prisma: PrismaClient, opts: { slug: string; available: bigint; planKey?: string }) {
  const planKey = opts.planKey ?? "test-plan";
  const plan = await prisma.plan.upsert({
    where: { key: planKey },
    update: {},
    create: { key: planKey, name: "Test", monthlyPrice: 0n, requestsPerMinute: 100_000, features: ["chat"], allowedModels: [], topUpAmounts: [] },
  });
  const tenant = await prisma.tenant.create({ data: { name: opts.slug, slug: opts.slug, planId: plan.id } });
  await prisma.creditBalance.create({ data: { tenantId: tenant.id, available: opts.available } });
  const key = generateApiKey("test");
  const apiKey = await prisma.apiKey.create({ data: { tenantId: tenant.id, name: "test", prefix: key.prefix, hash: key.hash, status: "ACTIVE", allowedModels: [] } });
  return { tenant, plan, apiKey, secret: key.secret };
}
