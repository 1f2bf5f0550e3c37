// What decide() needs about a key that changes rarely: the key, its tenant, plan, current
// subscription, default card and oldest open invoice. Cached for CONTEXT_TTL_MS, so revoking a
// key or a Stripe status change takes effect within that bound. Balances are never cached.
// The cache is an object the caller holds (AuthorizeDeps.contexts): a test builds its own instead
// of outwaiting the process's. The process's one lives on globalThis, so the Next bundle (server
// actions that revoke a key) and the production server's fast path clear the same one.
import { TtlCache } from "@/lib/cache/ttl-cache";
import { priceAt, type CatalogModel, type ModelPrice } from "@/lib/decisions/cost";
import type { DecisionSnapshot } from "@/lib/decisions/types";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const CONTEXT_TTL_MS = 5_000;
/** The catalogue changes rarely and holds every price version (future ones too): a longer bound. */
export const MODELS_TTL_MS = 30_000;

export type KeyContext = Pick<
  DecisionSnapshot,
  "key" | "tenant" | "plan" | "subscription" | "defaultCard" | "openInvoiceUrl"
>;

export class ContextCache {
  readonly keys = new TtlCache<KeyContext | null>(CONTEXT_TTL_MS);
  readonly models = new TtlCache<Map<string, CatalogModel>>(MODELS_TTL_MS);

  clear(): void {
    this.keys.clear();
    this.models.clear();
  }
}

const globalForContexts = globalThis as unknown as { tollgateContextCache?: ContextCache };

/** The process's cache, which decisionDeps() hands to the decision API. */
export function processContextCache(): ContextCache {
  return (globalForContexts.tollgateContextCache ??= new ContextCache());
}

/** After a write that changes a key's context (revoke, plan, Stripe status): this process sees it now. */
export function clearContextCache(): void {
  globalForContexts.tollgateContextCache?.clear();
}

export function loadKeyContext(
  prisma: PrismaClient,
  keyHash: string,
  cache: ContextCache = processContextCache(),
): Promise<KeyContext | null> {
  return cache.keys.getOrLoad(keyHash, async () => {
    const key = await prisma.apiKey.findUnique({
      where: { hash: keyHash },
      include: {
        tenant: {
          include: {
            plan: true,
            subscriptions: { orderBy: { updatedAt: "desc" }, take: 1 },
            paymentMethods: { where: { isDefault: true, detachedAt: null }, take: 1 },
            invoices: { where: { status: "open" }, orderBy: { createdAt: "asc" }, take: 1 },
          },
        },
      },
    });
    if (!key) return null;
    const { tenant } = key;
    const sub = tenant.subscriptions[0];
    const card = tenant.paymentMethods[0];
    return {
      key: {
        id: key.id,
        status: key.status,
        allowedModels: key.allowedModels,
        dailySpendCap: key.dailySpendCap,
        monthlySpendCap: key.monthlySpendCap,
      },
      tenant: {
        id: tenant.id,
        timeZone: tenant.timeZone,
        status: tenant.status,
        dailySpendCap: tenant.dailySpendCap,
        monthlySpendCap: tenant.monthlySpendCap,
      },
      plan: { ...tenant.plan },
      subscription: sub ? { status: sub.status, pastDueSince: sub.pastDueSince } : null,
      defaultCard: card ? { expMonth: card.expMonth, expYear: card.expYear } : null,
      openInvoiceUrl: tenant.invoices[0]?.hostedInvoiceUrl ?? null,
    };
  });
}

/**
 * The requested model priced at `at` (the decision's moment, or a usage event's occurredAt), or null
 * if the catalogue has no such model. The whole catalogue is cached with every price version, so a
 * dated price change takes effect at its instant with no query on the hot path; a catalogue edit
 * clears the cache (clearContextCache) in the process that made it.
 */
export async function loadModelPrice(
  prisma: PrismaClient,
  id: string,
  at: Date,
  cache: ContextCache = processContextCache(),
): Promise<ModelPrice | null> {
  const table = await cache.models.getOrLoad("all", () => loadCatalog(prisma));
  const model = table.get(id);
  return model ? priceAt(model, at) : null;
}

/** Every model, withdrawn ones too (their usage is still charged), with its versions oldest first. */
async function loadCatalog(prisma: PrismaClient): Promise<Map<string, CatalogModel>> {
  const rows = await prisma.model.findMany({
    select: {
      id: true,
      active: true,
      maxOutputTokens: true,
      prices: {
        orderBy: { effectiveFrom: "asc" },
        select: {
          effectiveFrom: true,
          inputPrice: true,
          outputPrice: true,
          cachedInputPrice: true,
          requestPrice: true,
        },
      },
    },
  });
  const models = new Map<string, CatalogModel>();
  // A model is only ever written with a first version; one without (written by hand) is unpriced.
  for (const { prices, ...m } of rows) if (prices.length) models.set(m.id, { ...m, versions: prices });
  return models;
}
