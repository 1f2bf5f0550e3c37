"use server";

// The tenant's own alert actions. The tenant is always the session's (never a form field), the
// owner role is checked here (a member's direct call is refused), and a rule, channel or delivery
// id from the form must belong to that tenant or it is "not found" (lib/alerts/manage).
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";

import * as body from "@/lib/alerts/manage-actions";
import { userActor } from "@/lib/audit/actor";
import type { ActionState } from "@/lib/dashboard/forms";
import { requireUser } from "@/lib/web/session";

const NOT_OWNER: ActionState = { ok: false, message: "Only the account owner can manage alerts." };

async function owner() {
  const user = await requireUser({ area: "tenant" });
  if (user.role !== "TENANT_OWNER") return null;
  return { tenantId: user.tenantId, actor: userActor(user.id, await headers()) };
}

type Body = (me: NonNullable<Awaited<ReturnType<typeof owner>>>, fd: FormData) => Promise<ActionState>;
async function run(fd: FormData, fn: Body): Promise<ActionState> {
  const me = await owner();
  if (!me) return NOT_OWNER;
  const result = await fn(me, fd);
  if (result.ok) revalidatePath("/app/alerts");
  return result;
}

export async function saveRuleAction(_p: ActionState, fd: FormData) {
  return run(fd, (me, f) => body.saveRuleAction(me.actor, me.tenantId, f));
}
export async function toggleRuleAction(_p: ActionState, fd: FormData) {
  return run(fd, (me, f) => body.toggleRuleAction(me.actor, me.tenantId, f));
}
export async function deleteRuleAction(_p: ActionState, fd: FormData) {
  return run(fd, (me, f) => body.deleteRuleAction(me.actor, me.tenantId, f));
}
export async function createChannelAction(_p: ActionState, fd: FormData) {
  return run(fd, (me, f) => body.createChannelAction(me.actor, me.tenantId, f));
}
export async function deleteChannelAction(_p: ActionState, fd: FormData) {
  return run(fd, (me, f) => body.deleteChannelAction(me.actor, me.tenantId, f));
}
export async function sendTestAction(_p: ActionState, fd: FormData) {
  return run(fd, (me, f) => body.sendTestAction(me.tenantId, f));
}
export async function retryDeliveryAction(_p: ActionState, fd: FormData) {
  return run(fd, (me, f) => body.retryDeliveryAction(me.actor, me.tenantId, f));
}
