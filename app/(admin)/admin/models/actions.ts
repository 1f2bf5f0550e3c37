"use server";

// The model catalog page's actions: add a model, change a price (now or dated), withdraw a model.
// Each calls the function the admin API uses (locked, audited with the signed-in admin, and the
// decision cache cleared); the prices arrive in dollars per million tokens, read exactly.
import { changePrice } from "@/lib/catalog/change-price";
import { deactivateModel } from "@/lib/catalog/deactivate-model";
import { addModelForm, changePriceForm, modelIdForm } from "@/lib/catalog/forms";
import { createModel } from "@/lib/catalog/upsert-model";
import { prisma } from "@/lib/db";
import { action } from "@/lib/web/action";

const PAGE = { area: "admin", revalidate: "/admin/models" } as const;

export const addModelAction = action(
  { ...PAGE, input: addModelForm },
  async ({ actor, input: { id, requestPrice, ...model } }) => {
    await createModel(prisma, actor, id, { ...model, active: true, requestPrice: requestPrice ?? null });
    return { ok: true, message: `${model.displayName} added` };
  },
);

export const changePriceAction = action(
  { ...PAGE, input: changePriceForm },
  async ({ actor, input: { modelId, requestPrice, ...change } }) => {
    await changePrice(prisma, actor, modelId, { ...change, requestPrice: requestPrice ?? null });
    const scheduled = change.effectiveFrom !== undefined && change.effectiveFrom > new Date();
    return { ok: true, message: scheduled ? "Price change scheduled" : "Price changed" };
  },
);

export const deactivateModelAction = action({ ...PAGE, input: modelIdForm }, async ({ actor, input }) => {
  const model = await deactivateModel(prisma, actor, input.modelId);
  return { ok: true, message: `${model.displayName} withdrawn` };
});
