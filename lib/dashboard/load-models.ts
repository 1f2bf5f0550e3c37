// The /admin/models page's loader: every model of the catalogue with the price in force, the next
// one scheduled and the whole history, as plain props (BigInt micro-USD, Dates) for the components.
import "server-only";

import { WITH_PRICES } from "@/lib/catalog/model-json";
import { prisma } from "@/lib/db";
import { versionAt } from "@/lib/decisions/cost";

export type PriceRow = {
  effectiveFrom: Date;
  inputPrice: bigint;
  outputPrice: bigint;
  cachedInputPrice: bigint;
  requestPrice: bigint | null;
  createdAt: Date;
  createdBy: string;
  note: string | null;
  /** Relative to the page's `now`. */
  state: "past" | "in force" | "scheduled";
};

export type CatalogRow = {
  id: string;
  provider: string;
  displayName: string;
  contextWindow: number | null;
  maxOutputTokens: number | null;
  active: boolean;
  current: PriceRow;
  next: PriceRow | null;
  /** Newest effectiveFrom first. */
  history: PriceRow[];
};

export async function loadModelCatalog(now: Date): Promise<CatalogRow[]> {
  const models = await prisma.model.findMany({ orderBy: { id: "asc" }, include: WITH_PRICES });
  return models
    .filter((m) => m.prices.length > 0)
    .map(({ prices, createdAt: _c, updatedAt: _u, ...m }) => {
      const inForce = prices.indexOf(versionAt([...prices].reverse(), now));
      const history: PriceRow[] = prices.map(({ modelId: _id, ...v }, i) => ({
        ...v,
        state: i === inForce ? "in force" : v.effectiveFrom > now ? "scheduled" : "past",
      }));
      const current = history[inForce]!;
      const next = history.filter((v) => v.state === "scheduled").at(-1) ?? null;
      return { ...m, current, next, history };
    });
}
