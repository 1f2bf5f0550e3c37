// PUT /api/v1/admin/models/{id}: create or replace a model. The body is the whole model (a field
// left out takes its default). Its prices are compared with the version in force now: when they
// differ, a new version starts now (a version already scheduled for later still starts then); when
// they are the same, no version is written. A PUT that changes nothing writes nothing, not even an
// audit row.
import { actorName, recordAudit, type AuditActor } from "@/lib/audit/record";
import type { ModelBody } from "@/lib/catalog/model-input";
import { modelDetailJson, modelJson, WITH_PRICES, type ModelDetailJson } from "@/lib/catalog/model-json";
import { sameInstantConflict, writeModel } from "@/lib/catalog/model-write";
import { versionAt } from "@/lib/decisions/cost";
import { AppError } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/validation/inputs";

export function upsertModel(
  prisma: PrismaClient,
  actor: AuditActor,
  id: string,
  body: ModelBody,
  now = new Date(),
): Promise<{ created: boolean; model: ModelDetailJson }> {
  return putModel(prisma, actor, id, body, now, false);
}

/** Adds a model (the dashboard's "Add model"): an id the catalogue has already is a 409, never a replace. */
export async function createModel(
  prisma: PrismaClient,
  actor: AuditActor,
  id: string,
  body: ModelBody,
  now = new Date(),
): Promise<ModelDetailJson> {
  return (await putModel(prisma, actor, id, body, now, true)).model;
}

async function putModel(
  prisma: PrismaClient,
  actor: AuditActor,
  id: string,
  body: ModelBody,
  now: Date,
  createOnly: boolean,
): Promise<{ created: boolean; model: ModelDetailJson }> {
  const { inputPrice, outputPrice, cachedInputPrice, requestPrice, note, ...fields } = body;
  const price = { inputPrice, outputPrice, cachedInputPrice: cachedInputPrice ?? inputPrice, requestPrice };
  return writeModel(prisma, id, async (tx, before) => {
    if (before && createOnly)
      throw new AppError("conflict", `The catalogue already has a model "${id}".`, {
        errors: [{ path: "id", message: "is already in the catalogue (change its price instead)" }],
      });
    const current = before && versionAt([...before.prices].reverse(), now);
    const priceChanged =
      !current ||
      current.inputPrice !== price.inputPrice ||
      current.outputPrice !== price.outputPrice ||
      current.cachedInputPrice !== price.cachedInputPrice ||
      current.requestPrice !== price.requestPrice;
    const fieldsChanged =
      !before || (Object.keys(fields) as Array<keyof typeof fields>).some((k) => before[k] !== fields[k]);
    if (before && !priceChanged && !fieldsChanged)
      return { created: false, model: modelDetailJson(before, now) };

    if (before && fieldsChanged) await tx.model.update({ where: { id }, data: fields });
    if (!before) await tx.model.create({ data: { id, ...fields } });
    if (priceChanged)
      await tx.modelPrice
        .create({ data: { modelId: id, effectiveFrom: now, ...price, createdBy: actorName(actor), note } })
        .catch((e: unknown) => {
          throw isUniqueViolation(e) ? sameInstantConflict(id, now) : e;
        });
    const after = await tx.model.findUniqueOrThrow({ where: { id }, include: WITH_PRICES });
    await recordAudit(tx, actor, {
      action: "model.upsert",
      tenantId: null,
      targetType: "Model",
      targetId: id,
      before: before && modelJson(before, now),
      after: modelJson(after, now),
    });
    return { created: !before, model: modelDetailJson(after, now) };
  });
}
