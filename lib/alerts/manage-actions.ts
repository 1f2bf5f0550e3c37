// What each alert action does and answers, shared by the tenant area (the session's tenant) and the
// admin area (any tenant): already-parsed input in, lib/alerts/manage called, the outcome turned into
// the ActionState the form shows. Session, role, form parsing and revalidation are the action
// wrapper's (lib/web/action.ts); these are plain functions, tested on PostgreSQL without Next.
import type { z } from "zod";

import {
  createChannel,
  createRule,
  deleteChannel,
  deleteRule,
  setRuleEnabled,
  updateRule,
  type ManageResult,
} from "@/lib/alerts/manage";
import type { ChannelInput, enabledForm, idForm, SaveRuleInput } from "@/lib/alerts/manage-forms";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { prisma } from "@/lib/db";
import { pool } from "@/lib/db/pool";
import { prismaRunner } from "@/lib/db/sql-runner";
import { appUrl, env } from "@/lib/env";
import type { ActionState } from "@/lib/forms/action-state";
import { retryDeadDelivery } from "@/lib/notify/retry-delivery";
import { sendDepsFromEnv } from "@/lib/notify/send-deps-from-env";
import { sendTestNotification } from "@/lib/notify/send-test";

/** Who acts, on which tenant's alerts, with what. */
type Command<I> = { actor: AuditActor; tenantId: string; input: I };
type IdInput = z.output<typeof idForm>;

/** The answer to an alert form that names nothing valid (a hidden id field). */
export const NOTHING_CHOSEN: ActionState = { ok: false, message: "Nothing chosen" };

function answer<T>(r: ManageResult<T>, message: string, extra: Partial<ActionState> = {}): ActionState {
  if (r.ok) return { ok: true, message, ...extra };
  if (r.reason === "invalid")
    return { ok: false, message: r.message, fieldErrors: { [r.field]: [r.message] } };
  return { ok: false, message: r.message };
}

export async function saveRuleAction({ actor, tenantId, input }: Command<SaveRuleInput>) {
  const { id, ...rule } = input;
  const opts = { appUrl: appUrl() };
  return id
    ? answer(await updateRule(prisma, actor, tenantId, id, rule, opts), "Rule saved")
    : answer(await createRule(prisma, actor, tenantId, rule, opts), "Rule created");
}

export async function toggleRuleAction({ actor, tenantId, input }: Command<z.output<typeof enabledForm>>) {
  return answer(
    await setRuleEnabled(prisma, actor, tenantId, input.id, input.enabled, { appUrl: appUrl() }),
    input.enabled ? "Rule enabled" : "Rule disabled",
  );
}

export async function deleteRuleAction({ actor, tenantId, input }: Command<IdInput>) {
  return answer(await deleteRule(prisma, actor, tenantId, input.id), "Rule deleted");
}

export async function createChannelAction({ actor, tenantId, input }: Command<ChannelInput>) {
  const r = await createChannel(prisma, actor, tenantId, input, {
    allowPrivate: sendDepsFromEnv(env()).allowPrivate,
  });
  const attached =
    r.ok && input.attachToAll
      ? ` and added to ${r.value.attachedRules} rule${r.value.attachedRules === 1 ? "" : "s"}`
      : "";
  return answer(r, `Channel created${attached}`, r.ok && r.value.secret ? { secret: r.value.secret } : {});
}

export async function deleteChannelAction({ actor, tenantId, input }: Command<IdInput>) {
  return answer(await deleteChannel(prisma, actor, tenantId, input.id), "Channel deleted");
}

/** Sends a sample at once; the message is the result the page shows beside the button. */
export async function sendTestAction({
  tenantId,
  input,
}: Omit<Command<IdInput>, "actor">): Promise<ActionState> {
  const r = await sendTestNotification(pool(), sendDepsFromEnv(env()), input.id, tenantId, appUrl());
  if (!r) return { ok: false, message: "No such channel." };
  const code = r.responseCode === null ? "" : `HTTP ${r.responseCode}`;
  const took = r.latencyMs === null ? "" : ` in ${r.latencyMs} ms`;
  return r.ok
    ? { ok: true, message: `Delivered${code ? `: ${code}` : ""}${took}` }
    : { ok: false, message: `Failed${code ? `: ${code}` : ""}${took}${r.error ? ` — ${r.error}` : ""}` };
}

/** `tenantId` null: an admin retrying any tenant's (or an operator channel's) dead delivery. */
export async function retryDeliveryAction({
  actor,
  tenantId,
  input,
}: Omit<Command<IdInput>, "tenantId"> & { tenantId: string | null }): Promise<ActionState> {
  const r = await prisma.$transaction(async (tx) => {
    const outcome = await retryDeadDelivery(prismaRunner(tx), input.id, tenantId);
    if (outcome === "queued") {
      const d = await tx.notificationDelivery.findUniqueOrThrow({
        where: { id: input.id },
        select: { tenantId: true, attempts: true },
      });
      await recordAudit(tx, actor, {
        action: "notification_delivery.retry",
        tenantId: d.tenantId,
        targetType: "NotificationDelivery",
        targetId: input.id,
        before: { status: "DEAD", attempts: d.attempts },
        after: { status: "PENDING" },
      });
    }
    return outcome;
  });
  if (r === "queued") return { ok: true, message: "Delivery queued again" };
  return {
    ok: false,
    message: r === "not_dead" ? "Only a dead-lettered delivery can be retried." : "No such delivery.",
  };
}
