import type { Metadata } from "next";

import { AddModelDialog } from "@/components/admin/add-model-dialog";
import { ModelsTable } from "@/components/admin/models-table";
import { PriceHistory } from "@/components/admin/price-history";
import { PageHeader } from "@/components/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { loadModelCatalog } from "@/lib/dashboard/load-models";
import { requireUser } from "@/lib/web/session";

import { addModelAction, changePriceAction, deactivateModelAction } from "./actions";

export const metadata: Metadata = { title: "Models" };

// /admin/models – the priced catalog: prices in force, scheduled changes, history; add, reprice, withdraw.
export default async function ModelsPage() {
  await requireUser({ area: "admin" });
  const models = await loadModelCatalog(new Date());
  const add = <AddModelDialog action={addModelAction} />;
  return (
    <>
      <PageHeader
        title="Models"
        description="What authorize reserves and usage is charged: prices in dollars per million tokens (per call where set). A price change is a new version from its instant on; reservations keep the price they were made at. Times in UTC."
        actions={models.length > 0 ? add : undefined}
      />
      {models.length === 0 ? (
        <EmptyState action={add}>
          No models yet: every authorize is refused with model_not_allowed until the catalog has one.
        </EmptyState>
      ) : (
        <>
          <ModelsTable models={models} changePrice={changePriceAction} deactivate={deactivateModelAction} />
          <section aria-labelledby="history-heading" className="mt-8">
            <h2 id="history-heading" className="mb-2 text-sm font-semibold">
              Price history
            </h2>
            <div className="grid gap-2">
              {models.map((m) => (
                <PriceHistory key={m.id} model={m} />
              ))}
            </div>
          </section>
        </>
      )}
    </>
  );
}
