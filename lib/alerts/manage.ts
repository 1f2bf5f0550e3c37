// Creating, changing and deleting a tenant's alert rules and channels, for the tenant owner and
// for admins alike. Every row is found through tenantScope (another tenant's id is "not found"),
// every change is audited in its own transaction, and a rule that is created, edited or switched
// back on is evaluated in that same transaction, so its state is right the moment the page shows it.
// A command returns its value; an unknown row or a refused field is thrown as an AppError
// (not_found; validation_failed naming the field), whose detail is the sentence the page shows.
import { evaluateAlerts } from "@/lib/alerts/evaluate";
import type { ChannelInput, RuleInput } from "@/lib/alerts/manage-forms";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { prismaRunner } from "@/lib/db/sql-runner";
import { tenantScope } from "@/lib/db/tenant-scope";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { PAGERDUTY_EVENTS_URL } from "@/lib/notify/channels/pagerduty";
import { newWebhookSecret } from "@/lib/notify/channels/webhook";
import { checkUrl, UnsafeUrlError } from "@/lib/notify/safe-post";
import { invalidField } from "@/lib/validation/inputs";

/** A row of another tenant, or none: 404 with the sentence the page shows. */
const notFound = (what: string) => new AppError("not_found", `No such ${what}.`);
/** One field refused (422, `errors: [{ path, message }]`); the sentence is the form's message as it is. */
const invalid = (field: string, message: string) => invalidField(field, message, message);

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
  input: RuleInput,
  opts: RuleOpts,
): Promise<{ id: string }> {
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

/** What a rule's form sets, written the same way on create and on edit (the kind only on create). */
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

/** Edits a rule's threshold, name, margin, window and channels; its kind stays what it was. */
export async function updateRule(
  prisma: PrismaClient,
  actor: AuditActor,
  tenantId: string,
  ruleId: string,
  input: RuleInput,
  opts: RuleOpts,
): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const before = await lockRule(tx, tenantId, ruleId);
    if (!before) throw notFound("rule");
    if (before.kind !== input.kind)
      throw invalid("kind", "A rule's kind cannot change: create a new rule instead.");
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
      before: ruleAudit(
        before,
        before.channels.map((c) => c.channelId),
      ),
      after: ruleAudit(after, channelIds),
    });
    if (after.enabled)
      await evaluateAlerts(prismaRunner(tx), tenantId, [after.kind], { appUrl: opts.appUrl });
    return { id: ruleId };
  });
}

/** Switches a rule off (it keeps its state and is not evaluated) or on (evaluated at once). Safe to repeat. */
export async function setRuleEnabled(
  prisma: PrismaClient,
  actor: AuditActor,
  tenantId: string,
  ruleId: string,
  enabled: boolean,
  opts: RuleOpts,
): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const before = await lockRule(tx, tenantId, ruleId);
    if (!before) throw notFound("rule");
    if (before.enabled === enabled) return { id: ruleId };
    await tx.alertRule.update({ where: { id: ruleId }, data: { enabled } });
    await recordAudit(tx, actor, {
      action: enabled ? "alert_rule.enable" : "alert_rule.disable",
      tenantId,
      targetType: "AlertRule",
      targetId: ruleId,
      before: { enabled: before.enabled },
      after: { enabled },
    });
    if (enabled) await evaluateAlerts(prismaRunner(tx), tenantId, [before.kind], { appUrl: opts.appUrl });
    return { id: ruleId };
  });
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

export type CreatedChannel = {
  id: string;
  name: string;
  kind: ChannelInput["kind"];
  target: string;
  attachedRules: number;
  /** A webhook's signing secret: in this answer only. */ secret: string | null;
};

/**
 * Creates a channel. Its URL is checked here (https, no credentials; private addresses are checked
 * again at delivery, after DNS). A webhook gets a new whsec_ secret, returned once; a PagerDuty
 * channel keeps the routing key the user entered. `attachToAll` adds it to every rule of the tenant.
 */
export async function createChannel(
  prisma: PrismaClient,
  actor: AuditActor,
  tenantId: string,
  input: ChannelInput,
  opts: { allowPrivate: boolean },
): Promise<CreatedChannel> {
  const target = input.kind === "PAGERDUTY" && input.target === "" ? PAGERDUTY_EVENTS_URL : input.target;
  if (input.kind !== "EMAIL") {
    try {
      checkUrl(target, opts.allowPrivate);
    } catch (e) {
      if (e instanceof UnsafeUrlError) throw invalid("target", `The URL ${e.message}.`);
      throw e;
    }
  }
  const secret =
    input.kind === "WEBHOOK" ? newWebhookSecret() : input.kind === "PAGERDUTY" ? input.routingKey : null;
  return prisma.$transaction(async (tx) => {
    const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { id: true } });
    if (!tenant) throw notFound("tenant");
    const channel = await tx.notificationChannel.create({
      data: { ...tenantScope(tenantId), kind: input.kind, name: input.name, target, secret },
    });
    let attachedRules = 0;
    if (input.attachToAll) {
      const rules = await tx.alertRule.findMany({ where: tenantScope(tenantId), select: { id: true } });
      attachedRules = (
        await tx.alertRuleChannel.createMany({
          data: rules.map((r) => ({ ruleId: r.id, channelId: channel.id })),
          skipDuplicates: true,
        })
      ).count;
    }
    // The secret is never audited: the row says one exists.
    await recordAudit(tx, actor, {
      action: "notification_channel.create",
      tenantId,
      targetType: "NotificationChannel",
      targetId: channel.id,
      after: {
        kind: channel.kind,
        name: channel.name,
        target:
          channel.kind === "PAGERDUTY" || channel.kind === "EMAIL"
            ? channel.target
            : new URL(channel.target).origin,
        hasSecret: secret !== null,
        attachedRules,
      },
    });
    return {
      id: channel.id,
      name: channel.name,
      kind: channel.kind,
      target: channel.target,
      attachedRules,
      secret: input.kind === "WEBHOOK" ? secret : null,
    };
  });
}

export async function deleteChannel(
  prisma: PrismaClient,
  actor: AuditActor,
  tenantId: string,
  channelId: string,
): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const channel = await tx.notificationChannel.findFirst({
      where: { id: channelId, ...tenantScope(tenantId) },
      select: { id: true, kind: true, name: true },
    });
    if (!channel) throw notFound("channel");
    await tx.notificationChannel.delete({ where: { id: channel.id } });
    await recordAudit(tx, actor, {
      action: "notification_channel.delete",
      tenantId,
      targetType: "NotificationChannel",
      targetId: channel.id,
      before: { kind: channel.kind, name: channel.name },
    });
    return { id: channel.id };
  });
}
