// Benchmark data: a plan with limits high enough never to refuse, one model, and N tenants with
// a large balance and one API key each.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { generateApiKey } from "@/lib/keys/api-key";

export async function createBenchTenants(
  prisma: PrismaClient,
  count: number,
): Promise<Array<{ id: string; secret: string }>> {
  await prisma.model.create({
    data: {
      id: "bench-model",
      provider: "bench",
      displayName: "Bench",
      prices: {
        create: {
          effectiveFrom: new Date(0),
          inputPrice: 100_000n,
          outputPrice: 400_000n,
          cachedInputPrice: 100_000n,
          createdBy: "SYSTEM",
        },
      },
    },
  });
  const plan = await prisma.plan.create({
    data: {
      key: "bench",
      name: "Bench",
      requestsPerMinute: 100_000_000,
      features: ["chat"],
      allowedModels: [],
      topUpAmounts: [],
      monthlyTokenQuota: null,
    },
  });
  const tenants = [];
  for (let i = 0; i < count; i++) {
    const tenant = await prisma.tenant.create({
      data: { name: `Bench ${i}`, slug: `bench-${i}`, planId: plan.id },
    });
    await prisma.creditBalance.create({ data: { tenantId: tenant.id, available: 10n ** 15n } });
    const key = generateApiKey("test");
    await prisma.apiKey.create({
      data: { tenantId: tenant.id, name: "bench", prefix: key.prefix, hash: key.hash, allowedModels: [] },
    });
    tenants.push({ id: tenant.id, secret: key.secret });
  }
  return tenants;
}
