// DELETE /api/v1/admin/models/{id}: withdraw a model. Authorize then refuses it (model_not_allowed);
// its rows stay — price history, usage, rollups — and usage already incurred on it is still
// charged. Withdrawing a withdrawn model changes nothing and writes nothing. A PUT offers it again.
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { modelDetailJson, modelJson, WITH_PRICES, type ModelDetailJson } from "@/lib/catalog/model-json";
import { modelNotFound, writeModel } from "@/lib/catalog/model-write";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export async function deactivateModel(
  prisma: PrismaClient,
  actor: AuditActor,
  id: string,
  now = new Date(),
): Promise<ModelDetailJson> {
  return writeModel(prisma, id, async (tx, before) => {
    if (!before) throw modelNotFound(id);
    if (!before.active) return modelDetailJson(before, now);
    const after = await tx.model.update({ where: { id }, data: { active: false }, include: WITH_PRICES });
    await recordAudit(tx, actor, {
      action: "model.deactivate",
      tenantId: null,
      targetType: "Model",
      targetId: id,
      before: modelJson(before, now),
      after: modelJson(after, now),
    });
    return modelDetailJson(after, now);
  });
}
