// Creating, changing and deleting a tenant's alert rules, for the tenant owner, for admins in the
// dashboard and for the operator's admin API alike (channels: lib/alerts/manage-channels.ts). Every
// row is found through tenantScope (another tenant's id is "not found"), every change is audited in
// its own transaction, and a rule that is created, edited or switched back on is evaluated in that
// same transaction, so its state is right the moment the page (or the API's answer) shows it.
// A command checks what it is given with lib/alerts/settings.ts whoever calls it, returns its
// value, and throws an AppError for an unknown row or refused fields (not_found; validation_failed
// naming each field), whose detail is the sentence the page shows.
import { invalid, invalidFields, notFound } from "@/lib/alerts/command-errors";
import { evaluateAlerts } from "@/lib/alerts/evaluate";
import { checkRule, type RuleDraft, type RuleInput } from "@/lib/alerts/settings";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { prismaRunner } from "@/lib/db/sql-runner";
import { tenantScope } from "@/lib/db/tenant-scope";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

function assertRule(draft: RuleDraft): RuleInput {
  const checked = checkRule(draft);
  if (!checked.ok) throw invalidFields(checked.issues);
  return checked.value;
}

type RuleOpts = { appUrl: string };

/** Rule fields as the audit log keeps them (the threshold in its stored unit). */
const ruleAudit = (
  r: {
    kind: string;
    name: string;
    threshold: bigint;
    resolveMarginPct: number;
    windowMinutes: number | null;
    refusalCode: string | null;
    enabled: boolean;
  },
  channelIds?: string[],
) => ({
  kind: r.kind,
  name: r.name,
  threshold: r.threshold,
  resolveMarginPct: r.resolveMarginPct,
  windowMinutes: r.windowMinutes,
  refusalCode: r.refusalCode,
  enabled: r.enabled,
  channelIds,
});

/** The tenant's channels among `ids`, or null when one is not the tenant's. */
async function ownChannels(tx: Prisma.TransactionClient, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const found = await tx.notificationChannel.findMany({
    where: { id: { in: ids }, ...tenantScope(tenantId) },
    select: { id: true },
  });
  return found.length === ids.length ? ids : null;
}

async function lockRule(tx: Prisma.TransactionClient, tenantId: string, ruleId: string) {
  const [row] = await tx.$queryRaw<
    Array<{ id: string }>
  >`SELECT id FROM "AlertRule" WHERE id = ${ruleId} AND "tenantId" = ${tenantScope(tenantId).tenantId} FOR UPDATE`;
  return row
    ? tx.alertRule.findUniqueOrThrow({
        where: { id: row.id },
        include: { channels: { select: { channelId: true } } },
      })
    : null;
}

export async function createRule(
  prisma: PrismaClient,
  actor: AuditActor,
  tenantId: string,
  draft: RuleDraft,
  opts: RuleOpts,
): Promise<{ id: string }> {
  const input = assertRule(draft);
  return prisma.$transaction(async (tx) => {
    const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { id: true } });
    if (!tenant) throw notFound("tenant");
    const channelIds = await ownChannels(tx, tenantId, input.channelIds);
    if (!channelIds) throw invalid("channelIds", "A chosen channel does not exist.");
    const rule = await tx.alertRule.create({
      data: { ...tenantScope(tenantId), kind: input.kind, ...ruleSettings(input, channelIds) },
    });
    await recordAudit(tx, actor, {
      action: "alert_rule.create",
      tenantId,
      targetType: "AlertRule",
      targetId: rule.id,
      after: ruleAudit(rule, channelIds),
    });
    await evaluateAlerts(prismaRunner(tx), tenantId, [rule.kind], { appUrl: opts.appUrl });
    return { id: rule.id };
  });
}

/** What a rule's settings set, written the same way on create and on edit (the kind only on create). */
function ruleSettings(input: RuleInput, channelIds: string[]) {
  return {
    name: input.name,
    threshold: input.threshold,
    resolveMarginPct: input.resolveMarginPct,
    windowMinutes: input.windowMinutes,
    refusalCode: input.refusalCode,
    channels: { create: channelIds.map((channelId) => ({ channelId })) },
  };
}

/**
 * A change to a rule: any of its settings (the dashboard's edit form sends them all, the admin API
 * those it changes) and whether it is on. `kind` may be sent but not changed.
 */
export type RulePatch = Partial<RuleDraft> & { enabled?: boolean };

const SETTINGS = [
  "name",
  "threshold",
  "resolveMarginPct",
  "windowMinutes",
  "refusalCode",
  "channelIds",
] as const satisfies ReadonlyArray<keyof RuleDraft>;

function sameSettings(input: RuleInput, rule: Omit<RuleInput, "channelIds">, channelIds: string[]) {
  const set = (ids: string[]) => [...ids].sort().join();
  return (
    input.name === rule.name &&
    input.threshold === rule.threshold &&
    input.resolveMarginPct === rule.resolveMarginPct &&
    input.windowMinutes === rule.windowMinutes &&
    input.refusalCode === rule.refusalCode &&
    set(input.channelIds) === set(channelIds)
  );
}

/**
 * Changes a rule's settings (its kind stays what it was; the settings are checked as a whole, the
 * unchanged ones included) and switches it off (it keeps its state and is not evaluated) or on, in
 * one transaction: an edit is audited as alert_rule.update, a switch as alert_rule.enable/disable
 * (settings as they were, or a switch to what it already is, write nothing). The rule is evaluated
 * at once if it changed and ends up on.
 */
export async function updateRule(
  prisma: PrismaClient,
  actor: AuditActor,
  tenantId: string,
  ruleId: string,
  patch: RulePatch,
  opts: RuleOpts,
): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const before = await lockRule(tx, tenantId, ruleId);
    if (!before) throw notFound("rule");
    if (patch.kind !== undefined && before.kind !== patch.kind)
      throw invalid("kind", "A rule's kind cannot change: create a new rule instead.");
    const beforeChannels = before.channels.map((c) => c.channelId);
    let evaluate = false;
    if (SETTINGS.some((k) => patch[k] !== undefined)) {
      const input = assertRule({
        kind: before.kind,
        name: patch.name ?? before.name,
        threshold: patch.threshold !== undefined ? patch.threshold : before.threshold,
        resolveMarginPct: patch.resolveMarginPct ?? before.resolveMarginPct,
        windowMinutes: patch.windowMinutes !== undefined ? patch.windowMinutes : before.windowMinutes,
        refusalCode: patch.refusalCode !== undefined ? patch.refusalCode : before.refusalCode,
        channelIds: patch.channelIds ?? beforeChannels,
      });
      // Settings as they were change nothing and write nothing (no row, no audit, no evaluation).
      if (!sameSettings(input, before, beforeChannels)) {
        const channelIds = await ownChannels(tx, tenantId, input.channelIds);
        if (!channelIds) throw invalid("channelIds", "A chosen channel does not exist.");
        await tx.alertRuleChannel.deleteMany({ where: { ruleId } });
        const after = await tx.alertRule.update({
          where: { id: ruleId },
          data: ruleSettings(input, channelIds),
        });
        await recordAudit(tx, actor, {
          action: "alert_rule.update",
          tenantId,
          targetType: "AlertRule",
          targetId: ruleId,
          before: ruleAudit(before, beforeChannels),
          after: ruleAudit(after, channelIds),
        });
        evaluate = true;
      }
    }
    const enabled = patch.enabled ?? before.enabled;
    if (enabled !== before.enabled) {
      await tx.alertRule.update({ where: { id: ruleId }, data: { enabled } });
      await recordAudit(tx, actor, {
        action: enabled ? "alert_rule.enable" : "alert_rule.disable",
        tenantId,
        targetType: "AlertRule",
        targetId: ruleId,
        before: { enabled: before.enabled },
        after: { enabled },
      });
      evaluate = true;
    }
    if (evaluate && enabled)
      await evaluateAlerts(prismaRunner(tx), tenantId, [before.kind], { appUrl: opts.appUrl });
    return { id: ruleId };
  });
}

/** Switches a rule off or on (updateRule with `enabled` alone). Safe to repeat. */
export function setRuleEnabled(
  prisma: PrismaClient,
  actor: AuditActor,
  tenantId: string,
  ruleId: string,
  enabled: boolean,
  opts: RuleOpts,
): Promise<{ id: string }> {
  return updateRule(prisma, actor, tenantId, ruleId, { enabled }, opts);
}

export async function deleteRule(
  prisma: PrismaClient,
  actor: AuditActor,
  tenantId: string,
  ruleId: string,
): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const before = await lockRule(tx, tenantId, ruleId);
    if (!before) throw notFound("rule");
    await tx.alertRule.delete({ where: { id: ruleId } });
    await recordAudit(tx, actor, {
      action: "alert_rule.delete",
      tenantId,
      targetType: "AlertRule",
      targetId: ruleId,
      before: ruleAudit(
        before,
        before.channels.map((c) => c.channelId),
      ),
    });
    return { id: ruleId };
  });
}
