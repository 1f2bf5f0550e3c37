// What each alert action does and answers, shared by the tenant area (the session's tenant) and the
// admin area (any tenant): already-parsed input in, lib/alerts/manage called, its success answered
// with the message the form shows. A failure is the AppError the command throws (an unknown row, a
// refused field), which the action wrapper (lib/web/action.ts) turns into the form's message and
// field errors, as it does session, role, form parsing and revalidation; these are plain
// functions, tested on PostgreSQL without Next.
import type { z } from "zod";

import { createRule, deleteRule, setRuleEnabled, updateRule } from "@/lib/alerts/manage";
import { createChannel, deleteChannel } from "@/lib/alerts/manage-channels";
import type { enabledForm, idForm, SaveRuleInput } from "@/lib/alerts/manage-forms";
import type { ChannelInput } from "@/lib/alerts/settings";
import { testChannel } from "@/lib/alerts/test-channel";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { prisma } from "@/lib/db";
import { prismaRunner } from "@/lib/db/sql-runner";
import { appUrl, env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { ActionState } from "@/lib/forms/action-state";
import { retryDeadDelivery } from "@/lib/notify/retry-delivery";
import { sendDepsFromEnv } from "@/lib/notify/send-deps-from-env";

/** Who acts, on which tenant's alerts, with what. */
type Command<I> = { actor: AuditActor; tenantId: string; input: I };
type IdInput = z.output<typeof idForm>;

/** The answer to an alert form that names nothing valid (a hidden id field). */
export const NOTHING_CHOSEN: ActionState = { ok: false, message: "Nothing chosen" };

export async function saveRuleAction({
  actor,
  tenantId,
  input,
}: Command<SaveRuleInput>): Promise<ActionState> {
  const { id, ...rule } = input;
  const opts = { appUrl: appUrl() };
  if (id) {
    await updateRule(prisma, actor, tenantId, id, rule, opts);
    return { ok: true, message: "Rule saved" };
  }
  await createRule(prisma, actor, tenantId, rule, opts);
  return { ok: true, message: "Rule created" };
}

export async function toggleRuleAction({
  actor,
  tenantId,
  input,
}: Command<z.output<typeof enabledForm>>): Promise<ActionState> {
  await setRuleEnabled(prisma, actor, tenantId, input.id, input.enabled, { appUrl: appUrl() });
  return { ok: true, message: input.enabled ? "Rule enabled" : "Rule disabled" };
}

export async function deleteRuleAction({ actor, tenantId, input }: Command<IdInput>): Promise<ActionState> {
  await deleteRule(prisma, actor, tenantId, input.id);
  return { ok: true, message: "Rule deleted" };
}

export async function createChannelAction({
  actor,
  tenantId,
  input,
}: Command<ChannelInput>): Promise<ActionState> {
  const { attachedRules, secret } = await createChannel(prisma, actor, tenantId, input, {
    allowPrivate: sendDepsFromEnv(env()).allowPrivate,
  });
  const attached = input.attachToAll
    ? ` and added to ${attachedRules} rule${attachedRules === 1 ? "" : "s"}`
    : "";
  return { ok: true, message: `Channel created${attached}`, ...(secret ? { secret } : {}) };
}

export async function deleteChannelAction({
  actor,
  tenantId,
  input,
}: Command<IdInput>): Promise<ActionState> {
  await deleteChannel(prisma, actor, tenantId, input.id);
  return { ok: true, message: "Channel deleted" };
}

/**
 * Sends a sample at once; the message is the result the page shows beside the button (a failed
 * delivery is that result, not a failure of the action: an unknown channel is).
 */
export async function sendTestAction({
  tenantId,
  input,
}: Omit<Command<IdInput>, "actor">): Promise<ActionState> {
  const r = await testChannel(tenantId, input.id);
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
  if (r === "not_found") throw new AppError("not_found", "No such delivery.");
  if (r === "not_dead") throw new AppError("conflict", "Only a dead-lettered delivery can be retried.");
  return { ok: true, message: "Delivery queued again" };
}
