// What the tenant's billing page shows, read for one tenant through the tenancy helper.
import "server-only";

import { webhookSecrets } from "@/lib/billing/webhook-secrets";
import { prisma } from "@/lib/db";
import { tenantScope } from "@/lib/db/tenant-scope";
import { env } from "@/lib/env";

export type BillingMode = "stripe" | "demo" | "off";

/** stripe = Checkout and Portal work; demo = payments are simulated through the webhook; off = neither. */
export function billingMode(): BillingMode {
  const e = env();
  if (e.STRIPE_SECRET_KEY) return "stripe";
  return e.TOLLGATE_DEMO && webhookSecrets().length > 0 ? "demo" : "off";
}

export async function getBillingPage(tenantId: string) {
  const scope = tenantScope(tenantId);
  const [tenant, subscription, cards, invoices, balance, plans] = await Promise.all([
    prisma.tenant.findUniqueOrThrow({ where: { id: scope.tenantId }, include: { plan: true } }),
    prisma.subscription.findFirst({ where: scope, orderBy: { updatedAt: "desc" }, include: { plan: true } }),
    prisma.paymentMethod.findMany({
      where: { ...scope, detachedAt: null },
      orderBy: [{ isDefault: "desc" }, { createdAt: "desc" }],
    }),
    prisma.invoice.findMany({ where: scope, orderBy: { createdAt: "desc" }, take: 24 }),
    prisma.creditBalance.findUnique({ where: { tenantId: scope.tenantId } }),
    prisma.plan.findMany({ where: { stripePriceId: { not: null } }, orderBy: { monthlyPrice: "asc" } }),
  ]);
  return {
    tenant,
    subscription,
    cards,
    invoices,
    balance: balance ?? { available: 0n, reserved: 0n },
    plans,
  };
}
