// Creating, changing and deleting a tenant's notification channels, for the dashboard and the
// operator's admin API alike. Settings are checked with lib/alerts/settings.ts and a URL with the
// outbound guard (lib/notify/safe-post.ts: https, no credentials, no literal private address; a
// name is checked again at delivery, after DNS) whoever calls. A webhook's signing secret is made
// here and returned once, in the answer to its creation; it is never audited or read back.
import { invalid, invalidFields, notFound } from "@/lib/alerts/command-errors";
import { checkChannel, type ChannelDraft, type ChannelInput } from "@/lib/alerts/settings";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { tenantScope } from "@/lib/db/tenant-scope";
import type { ChannelKind, PrismaClient } from "@/lib/generated/prisma/client";
import { PAGERDUTY_EVENTS_URL } from "@/lib/notify/channels/pagerduty";
import { newWebhookSecret } from "@/lib/notify/channels/webhook";
import { checkUrl, UnsafeUrlError } from "@/lib/notify/safe-post";

type ChannelOpts = { allowPrivate: boolean };

/**
 * The settings checked and the target as stored (PagerDuty's default filled in). `safeUrl: false`
 * skips the outbound guard: an edit that keeps a channel's URL must not fail on a guard that came later.
 */
function assertChannel(draft: ChannelDraft, opts: ChannelOpts, safeUrl = true): ChannelDraft {
  const checked = checkChannel(draft);
  if (!checked.ok) throw invalidFields(checked.issues);
  const c = checked.value;
  const target = c.kind === "PAGERDUTY" && c.target === "" ? PAGERDUTY_EVENTS_URL : c.target;
  if (safeUrl && c.kind !== "EMAIL") {
    try {
      checkUrl(target, opts.allowPrivate);
    } catch (e) {
      if (e instanceof UnsafeUrlError) throw invalid("target", `The URL ${e.message}.`);
      throw e;
    }
  }
  return { ...c, target };
}

/** A target as the audit log keeps it: a URL's origin only (a Slack URL or a path may hold a token). */
const auditTarget = (kind: ChannelKind, target: string) =>
  kind === "PAGERDUTY" || kind === "EMAIL" ? target : new URL(target).origin;

export type CreatedChannel = {
  id: string;
  name: string;
  kind: ChannelKind;
  target: string;
  attachedRules: number;
  /** A webhook's signing secret: in this answer only. */ secret: string | null;
};

/**
 * Creates a channel. A webhook gets a new whsec_ secret, returned once; a PagerDuty channel keeps
 * the routing key the user entered. `attachToAll` adds it to every rule of the tenant.
 */
export async function createChannel(
  prisma: PrismaClient,
  actor: AuditActor,
  tenantId: string,
  input: ChannelInput,
  opts: ChannelOpts,
): Promise<CreatedChannel> {
  const { kind, name, target, routingKey } = assertChannel(input, opts);
  const secret = kind === "WEBHOOK" ? newWebhookSecret() : kind === "PAGERDUTY" ? routingKey : null;
  return prisma.$transaction(async (tx) => {
    const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { id: true } });
    if (!tenant) throw notFound("tenant");
    const channel = await tx.notificationChannel.create({
      data: { ...tenantScope(tenantId), kind, name, target, secret },
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
        kind,
        name,
        target: auditTarget(kind, target),
        hasSecret: secret !== null,
        attachedRules,
      },
    });
    return {
      id: channel.id,
      name,
      kind,
      target,
      attachedRules,
      secret: kind === "WEBHOOK" ? secret : null,
    };
  });
}

/** A change to a channel; its kind and a webhook's secret stay what they are. */
export type ChannelPatch = {
  name?: string;
  target?: string;
  /** PAGERDUTY only: a new routing key. */
  routingKey?: string;
  /** Off: its rules no longer notify it and a queued delivery to it fails ("the channel is disabled"). */
  enabled?: boolean;
};

/**
 * Changes a channel's name, target, routing key or whether it is on. The settings are checked as a
 * whole, and a target that changes is checked like a new one. Audited as notification_channel.update
 * (a new routing key as `routingKeyChanged`, never its value); a change to what it is writes nothing.
 */
export async function updateChannel(
  prisma: PrismaClient,
  actor: AuditActor,
  tenantId: string,
  channelId: string,
  patch: ChannelPatch,
  opts: ChannelOpts,
): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM "NotificationChannel" WHERE id = ${channelId} AND "tenantId" = ${tenantScope(tenantId).tenantId} FOR UPDATE`;
    if (!locked) throw notFound("channel");
    const before = await tx.notificationChannel.findUniqueOrThrow({ where: { id: locked.id } });
    if (patch.routingKey !== undefined && before.kind !== "PAGERDUTY")
      throw invalid("routingKey", "Only a PagerDuty channel has a routing key.");
    const targetChanged = patch.target !== undefined && patch.target.trim() !== before.target;
    const draft: ChannelDraft = {
      kind: before.kind,
      name: patch.name ?? before.name,
      target: patch.target ?? before.target,
      routingKey: before.kind === "PAGERDUTY" ? (patch.routingKey ?? before.secret) : null,
    };
    const next = assertChannel(draft, opts, targetChanged);
    const enabled = patch.enabled ?? before.enabled;
    const routingKeyChanged = before.kind === "PAGERDUTY" && next.routingKey !== before.secret;
    // A change to what it already is writes nothing (no row, no audit).
    if (
      next.name === before.name &&
      next.target === before.target &&
      enabled === before.enabled &&
      !routingKeyChanged
    )
      return { id: before.id };
    await tx.notificationChannel.update({
      where: { id: before.id },
      data: {
        name: next.name,
        target: next.target,
        enabled,
        ...(routingKeyChanged ? { secret: next.routingKey } : {}),
      },
    });
    const view = (c: { name: string; target: string; enabled: boolean }) => ({
      kind: before.kind,
      name: c.name,
      target: auditTarget(before.kind, c.target),
      enabled: c.enabled,
    });
    await recordAudit(tx, actor, {
      action: "notification_channel.update",
      tenantId,
      targetType: "NotificationChannel",
      targetId: before.id,
      before: view(before),
      after: { ...view({ ...next, enabled }), ...(routingKeyChanged ? { routingKeyChanged } : {}) },
    });
    return { id: before.id };
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
