"use server";

// An admin managing any tenant's alerts. Each action checks the admin session itself; the tenant
// id is bound by the page, and a rule, channel or delivery of another tenant is "not found".
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";

import * as body from "@/lib/alerts/manage-actions";
import type { AuditActor } from "@/lib/audit/record";
import { userActor } from "@/lib/audit/actor";
import type { ActionState } from "@/lib/dashboard/forms";
import { requireUser } from "@/lib/web/session";

const tenantIdSchema = z.string().min(1).max(100);

async function run(
  tenantId: string,
  fd: FormData,
  fn: (actor: AuditActor, tenantId: string, fd: FormData) => Promise<ActionState>,
): Promise<ActionState> {
  const user = await requireUser({ area: "admin" });
  const id = tenantIdSchema.safeParse(tenantId);
  if (!id.success) return { ok: false, message: "No such tenant." };
  const result = await fn(userActor(user.id, await headers()), id.data, fd);
  if (result.ok) revalidatePath(`/admin/tenants/${id.data}/alerts`);
  return result;
}

export async function saveRuleAction(tenantId: string, _p: ActionState, fd: FormData) {
  return run(tenantId, fd, body.saveRuleAction);
}
export async function toggleRuleAction(tenantId: string, _p: ActionState, fd: FormData) {
  return run(tenantId, fd, body.toggleRuleAction);
}
export async function deleteRuleAction(tenantId: string, _p: ActionState, fd: FormData) {
  return run(tenantId, fd, body.deleteRuleAction);
}
export async function createChannelAction(tenantId: string, _p: ActionState, fd: FormData) {
  return run(tenantId, fd, body.createChannelAction);
}
export async function deleteChannelAction(tenantId: string, _p: ActionState, fd: FormData) {
  return run(tenantId, fd, body.deleteChannelAction);
}
export async function sendTestAction(tenantId: string, _p: ActionState, fd: FormData) {
  return run(tenantId, fd, (_a, t, f) => body.sendTestAction(t, f));
}
export async function retryDeliveryAction(tenantId: string, _p: ActionState, fd: FormData) {
  return run(tenantId, fd, (a, t, f) => body.retryDeliveryAction(a, t, f));
}
