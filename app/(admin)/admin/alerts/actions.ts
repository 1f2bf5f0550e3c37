"use server";

// Admin retry of any dead-lettered delivery (any tenant's, or an operator channel's).
import * as alerts from "@/lib/alerts/manage-actions";
import { idForm } from "@/lib/alerts/manage-forms";
import { action } from "@/lib/web/action";

export const retryAnyDeliveryAction = action(
  { area: "admin", input: idForm, invalid: () => alerts.NOTHING_CHOSEN, revalidate: "/admin/alerts" },
  (c) => alerts.retryDeliveryAction({ ...c, tenantId: null }),
);
