// Reading the catalogue: every model with the price in force, one model with its whole history,
// and one model priced at a moment (uncached: for the dashboard's simulator, not the hot path,
// which reads lib/keys/key-context.ts's cached catalogue).
import {
  modelDetailJson,
  modelJson,
  WITH_PRICES,
  type ModelDetailJson,
  type ModelJson,
} from "@/lib/catalog/model-json";
import { modelNotFound } from "@/lib/catalog/model-write";
import { priceAt, type ModelPrice } from "@/lib/decisions/cost";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** Every model, withdrawn ones too (`active` says which), by id. */
export async function listModels(prisma: PrismaClient, now = new Date()): Promise<ModelJson[]> {
  const models = await prisma.model.findMany({ orderBy: { id: "asc" }, include: WITH_PRICES });
  return models.filter((m) => m.prices.length > 0).map((m) => modelJson(m, now));
}

/** One model with every price version, newest first; 404 if the catalogue has no such model. */
export async function getModel(prisma: PrismaClient, id: string, now = new Date()): Promise<ModelDetailJson> {
  const model = await prisma.model.findUnique({ where: { id }, include: WITH_PRICES });
  if (!model || model.prices.length === 0) throw modelNotFound(id);
  return modelDetailJson(model, now);
}

/** The model priced at `at`, or null if there is no such (priced) model. */
export async function modelPriceAt(prisma: PrismaClient, id: string, at: Date): Promise<ModelPrice | null> {
  const model = await prisma.model.findUnique({
    where: { id },
    include: { prices: { orderBy: { effectiveFrom: "asc" } } },
  });
  if (!model || model.prices.length === 0) return null;
  return priceAt({ ...model, versions: model.prices }, at);
}
