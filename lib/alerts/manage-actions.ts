// The alert pages' server-action bodies, shared by the tenant area (the session's tenant) and the
// admin area (any tenant): parse the form with the shared schema, call lib/alerts/manage, and turn
// the outcome into the ActionState the form shows. Auth, role and revalidation stay in the
// "use server" files (app/), which are the only ones that touch next/*.
import {
  createChannel,
  createRule,
  deleteChannel,
  deleteRule,
  setRuleEnabled,
  updateRule,
  type ManageResult,
} from "@/lib/alerts/manage";
import { alertFormObject, channelForm, enabledForm, idForm, ruleForm } from "@/lib/alerts/manage-forms";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { fieldErrors, type ActionState } from "@/lib/dashboard/forms";
import { prisma } from "@/lib/db";
import { pool } from "@/lib/db/pool";
import { prismaRunner } from "@/lib/db/sql-runner";
import { appUrl, databaseUrl, env } from "@/lib/env";
import { workerOptionsFromEnv } from "@/lib/worker/from-env";
import { retryDeadDelivery } from "@/lib/notify/retry-delivery";
import { sendTestNotification } from "@/lib/notify/send-test";

function answer<T>(r: ManageResult<T>, message: string, extra: Partial<ActionState> = {}): ActionState {
  if (r.ok) return { ok: true, message, ...extra };
  if (r.reason === "invalid")
    return { ok: false, message: r.message, fieldErrors: { [r.field]: [r.message] } };
  return { ok: false, message: r.message };
}

const idOf = (fd: FormData) => idForm.safeParse({ id: fd.get("id") });
const NOTHING: ActionState = { ok: false, message: "Nothing chosen" };

export async function saveRuleAction(
  actor: AuditActor,
  tenantId: string,
  fd: FormData,
): Promise<ActionState> {
  const parsed = ruleForm.safeParse(alertFormObject(fd));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const id = fd.get("id");
  if (typeof id === "string" && id !== "") {
    const ruleId = idOf(fd);
    if (!ruleId.success) return NOTHING;
    return answer(
      await updateRule(prisma, actor, tenantId, ruleId.data.id, parsed.data, { appUrl: appUrl() }),
      "Rule saved",
    );
  }
  return answer(await createRule(prisma, actor, tenantId, parsed.data, { appUrl: appUrl() }), "Rule created");
}

export async function toggleRuleAction(
  actor: AuditActor,
  tenantId: string,
  fd: FormData,
): Promise<ActionState> {
  const parsed = enabledForm.safeParse({ id: fd.get("id"), enabled: fd.get("enabled") });
  if (!parsed.success) return NOTHING;
  return answer(
    await setRuleEnabled(prisma, actor, tenantId, parsed.data.id, parsed.data.enabled, { appUrl: appUrl() }),
    parsed.data.enabled ? "Rule enabled" : "Rule disabled",
  );
}

export async function deleteRuleAction(
  actor: AuditActor,
  tenantId: string,
  fd: FormData,
): Promise<ActionState> {
  const parsed = idOf(fd);
  if (!parsed.success) return NOTHING;
  return answer(await deleteRule(prisma, actor, tenantId, parsed.data.id), "Rule deleted");
}

const allowPrivate = () => env().ALERTS_ALLOW_PRIVATE_URLS || env().TOLLGATE_DEMO;

export async function createChannelAction(
  actor: AuditActor,
  tenantId: string,
  fd: FormData,
): Promise<ActionState> {
  const parsed = channelForm.safeParse(alertFormObject(fd));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const r = await createChannel(prisma, actor, tenantId, parsed.data, { allowPrivate: allowPrivate() });
  const attached =
    r.ok && parsed.data.attachToAll
      ? ` and added to ${r.value.attachedRules} rule${r.value.attachedRules === 1 ? "" : "s"}`
      : "";
  return answer(r, `Channel created${attached}`, r.ok && r.value.secret ? { secret: r.value.secret } : {});
}

export async function deleteChannelAction(
  actor: AuditActor,
  tenantId: string,
  fd: FormData,
): Promise<ActionState> {
  const parsed = idOf(fd);
  if (!parsed.success) return NOTHING;
  return answer(await deleteChannel(prisma, actor, tenantId, parsed.data.id), "Channel deleted");
}

/** Sends a sample at once; the message is the result the page shows beside the button. */
export async function sendTestAction(tenantId: string, fd: FormData): Promise<ActionState> {
  const parsed = idOf(fd);
  if (!parsed.success) return NOTHING;
  const e = env();
  const deps = workerOptionsFromEnv(e, databaseUrl(), appUrl(), { demo: e.TOLLGATE_DEMO }).send;
  const r = await sendTestNotification(pool(), deps, parsed.data.id, tenantId, appUrl());
  if (!r) return { ok: false, message: "No such channel." };
  const code = r.responseCode === null ? "" : `HTTP ${r.responseCode}`;
  const took = r.latencyMs === null ? "" : ` in ${r.latencyMs} ms`;
  return r.ok
    ? { ok: true, message: `Delivered${code ? `: ${code}` : ""}${took}` }
    : { ok: false, message: `Failed${code ? `: ${code}` : ""}${took}${r.error ? ` — ${r.error}` : ""}` };
}

/** `tenantId` null: an admin retrying any tenant's (or an operator channel's) dead delivery. */
export async function retryDeliveryAction(
  actor: AuditActor,
  tenantId: string | null,
  fd: FormData,
): Promise<ActionState> {
  const parsed = idOf(fd);
  if (!parsed.success) return NOTHING;
  const r = await prisma.$transaction(async (tx) => {
    const outcome = await retryDeadDelivery(prismaRunner(tx), parsed.data.id, tenantId);
    if (outcome === "queued") {
      const d = await tx.notificationDelivery.findUniqueOrThrow({
        where: { id: parsed.data.id },
        select: { tenantId: true, attempts: true },
      });
      await recordAudit(tx, actor, {
        action: "notification_delivery.retry",
        tenantId: d.tenantId,
        targetType: "NotificationDelivery",
        targetId: parsed.data.id,
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
