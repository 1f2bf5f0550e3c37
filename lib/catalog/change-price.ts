// POST /api/v1/admin/models/{id}/prices: a dated price change, i.e. a new version of the model's
// price in force from `effectiveFrom` (default now). Nothing already priced moves: a reservation
// keeps the amount it was made at, usage is charged at the version in force at its occurredAt, so a
// change dated later leaves today's calls alone and prices those after it. Hence effectiveFrom may
// not be in the past (that would re-price moments already billed), and a version at an instant
// another already holds is a 409: versions are kept forever, never replaced.
import { actorName, recordAudit, type AuditActor } from "@/lib/audit/record";
import type { PriceChange } from "@/lib/catalog/model-input";
import {
  modelDetailJson,
  priceVersionJson,
  WITH_PRICES,
  type ModelDetailJson,
} from "@/lib/catalog/model-json";
import { modelNotFound, sameInstantConflict, writeModel } from "@/lib/catalog/model-write";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { invalidField } from "@/lib/validation/inputs";

/** Clock skew allowed to a caller who sends "now" as an explicit effectiveFrom. */
export const PAST_SLACK_MS = 1_000;

export async function changePrice(
  prisma: PrismaClient,
  actor: AuditActor,
  id: string,
  change: PriceChange,
  now = new Date(),
): Promise<ModelDetailJson> {
  const { effectiveFrom: at, cachedInputPrice, note, ...prices } = change;
  if (at && at.getTime() < now.getTime() - PAST_SLACK_MS)
    throw invalidField("effectiveFrom", "must not be in the past (leave it out for now)");
  // Within the slack, "now" as the caller saw it is now: never a moment already billed.
  const effectiveFrom = at && at.getTime() > now.getTime() ? at : now;
  return writeModel(prisma, id, async (tx, before) => {
    if (!before) throw modelNotFound(id);
    if (before.prices.some((v) => v.effectiveFrom.getTime() === effectiveFrom.getTime()))
      throw sameInstantConflict(id, effectiveFrom);
    const version = await tx.modelPrice.create({
      data: {
        modelId: id,
        effectiveFrom,
        ...prices,
        cachedInputPrice: cachedInputPrice ?? prices.inputPrice,
        createdBy: actorName(actor),
        note,
      },
    });
    await recordAudit(tx, actor, {
      action: "model.price_change",
      tenantId: null,
      targetType: "Model",
      targetId: id,
      after: priceVersionJson(version),
    });
    return modelDetailJson(await tx.model.findUniqueOrThrow({ where: { id }, include: WITH_PRICES }), now);
  });
}
