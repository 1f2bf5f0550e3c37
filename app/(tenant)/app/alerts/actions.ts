"use server";

// The tenant's own alert actions, owner only. The tenant is the session's (never a form field), and
// a rule, channel or delivery id from the form must belong to it or it is "not found".
import * as alerts from "@/lib/alerts/manage-actions";
import { channelForm, enabledForm, idForm, saveRuleForm } from "@/lib/alerts/manage-forms";
import { action } from "@/lib/web/action";

const OWNER = {
  area: "tenant",
  ownerOnly: "Only the account owner can manage alerts.",
  revalidate: "/app/alerts",
} as const;
const BY_ID = { ...OWNER, input: idForm, invalid: () => alerts.NOTHING_CHOSEN };

export const saveRuleAction = action({ ...OWNER, input: saveRuleForm }, alerts.saveRuleAction);
export const toggleRuleAction = action({ ...BY_ID, input: enabledForm }, alerts.toggleRuleAction);
export const deleteRuleAction = action(BY_ID, alerts.deleteRuleAction);
export const createChannelAction = action({ ...OWNER, input: channelForm }, alerts.createChannelAction);
export const deleteChannelAction = action(BY_ID, alerts.deleteChannelAction);
export const sendTestAction = action(BY_ID, alerts.sendTestAction);
export const retryDeliveryAction = action(BY_ID, alerts.retryDeliveryAction);
