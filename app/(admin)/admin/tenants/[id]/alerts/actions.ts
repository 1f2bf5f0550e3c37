"use server";

// An admin managing one tenant's alerts, bound to the page's tenant id: a rule, channel or delivery
// of another tenant is "not found".
import * as alerts from "@/lib/alerts/manage-actions";
import { channelForm, enabledForm, idForm, saveRuleForm } from "@/lib/alerts/manage-forms";
import { action } from "@/lib/web/action";

const PAGE = {
  area: "admin",
  bound: "tenantId",
  revalidate: ({ tenantId }: { tenantId: string }) => `/admin/tenants/${tenantId}/alerts`,
} as const;
const BY_ID = { ...PAGE, input: idForm, invalid: () => alerts.NOTHING_CHOSEN };

export const saveRuleAction = action({ ...PAGE, input: saveRuleForm }, alerts.saveRuleAction);
export const toggleRuleAction = action({ ...BY_ID, input: enabledForm }, alerts.toggleRuleAction);
export const deleteRuleAction = action(BY_ID, alerts.deleteRuleAction);
export const createChannelAction = action({ ...PAGE, input: channelForm }, alerts.createChannelAction);
export const deleteChannelAction = action(BY_ID, alerts.deleteChannelAction);
export const sendTestAction = action(BY_ID, alerts.sendTestAction);
export const retryDeliveryAction = action(BY_ID, alerts.retryDeliveryAction);
