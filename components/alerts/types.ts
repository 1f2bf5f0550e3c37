import type { ActionState } from "@/lib/forms/action-state";

export type FormAction = (prev: ActionState, fd: FormData) => Promise<ActionState>;

/** The alert pages' actions for one tenant; absent ones are not allowed for this viewer (members). */
export type AlertActions = {
  saveRule: FormAction;
  toggleRule: FormAction;
  deleteRule: FormAction;
  createChannel: FormAction;
  deleteChannel: FormAction;
  sendTest: FormAction;
  retryDelivery: FormAction;
};
