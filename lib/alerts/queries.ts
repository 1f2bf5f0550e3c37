// What the alert pages and the admin API read. Tenant reads take the tenant id and go through
// tenantScope; the admin-wide reads (delivery log across tenants, firing alerts) take null for
// "every tenant". A channel's secret is never selected here: it is shown once, in the answer to its
// creation. The admin API reads a page at a time (lib/db/page.ts); the pages read whole lists.
import { pageArgs, type PageRequest } from "@/lib/db/page";
import { tenantScope } from "@/lib/db/tenant-scope";
import type { DeliveryStatus, Prisma, PrismaClient } from "@/lib/generated/prisma/client";

const RULE_SELECT = {
  id: true,
  tenantId: true,
  kind: true,
  name: true,
  threshold: true,
  resolveMarginPct: true,
  windowMinutes: true,
  refusalCode: true,
  enabled: true,
  isDefault: true,
  state: true,
  lastValue: true,
  lastEvaluatedAt: true,
  stateChangedAt: true,
  createdAt: true,
  updatedAt: true,
  channels: { select: { channel: { select: { id: true, name: true, kind: true } } } },
} satisfies Prisma.AlertRuleSelect;

/** The tenant's rules, defaults first, then oldest first; a page of them when `page` is given. */
export async function listRules(prisma: PrismaClient, tenantId: string, page?: PageRequest) {
  return prisma.alertRule.findMany({
    where: tenantScope(tenantId),
    orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }, { id: "asc" }],
    ...pageArgs(page),
    select: RULE_SELECT,
  });
}

export async function getRule(prisma: PrismaClient, tenantId: string, ruleId: string) {
  return prisma.alertRule.findFirst({ where: { id: ruleId, ...tenantScope(tenantId) }, select: RULE_SELECT });
}
export type RuleRow = Awaited<ReturnType<typeof listRules>>[number];

const CHANNEL_SELECT = {
  id: true,
  tenantId: true,
  kind: true,
  name: true,
  target: true,
  enabled: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { rules: true } },
} satisfies Prisma.NotificationChannelSelect;

type ChannelSelected = Prisma.NotificationChannelGetPayload<{ select: typeof CHANNEL_SELECT }>;

const channelRow = ({ _count, ...c }: ChannelSelected) => ({
  ...c,
  target: displayTarget(c.kind, c.target),
  ruleCount: _count.rules,
});

/** The tenant's channels, oldest first; a page of them when `page` is given. */
export async function listChannels(prisma: PrismaClient, tenantId: string, page?: PageRequest) {
  const rows = await prisma.notificationChannel.findMany({
    where: tenantScope(tenantId),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    ...pageArgs(page),
    select: CHANNEL_SELECT,
  });
  return rows.map(channelRow);
}

export async function getChannel(prisma: PrismaClient, tenantId: string, channelId: string) {
  const row = await prisma.notificationChannel.findFirst({
    where: { id: channelId, ...tenantScope(tenantId) },
    select: CHANNEL_SELECT,
  });
  return row && channelRow(row);
}
export type ChannelRow = Awaited<ReturnType<typeof listChannels>>[number];

/** A Slack incoming-webhook URL is itself a credential: only its host and the path's start are shown. */
function displayTarget(kind: string, target: string): string {
  if (kind !== "SLACK") return target;
  try {
    const u = new URL(target);
    return `${u.origin}${u.pathname.slice(0, 16)}…`;
  } catch {
    return "(invalid URL)";
  }
}

export async function alertHistory(prisma: PrismaClient, tenantId: string, limit = 50) {
  return prisma.alertEvent.findMany({
    where: tenantScope(tenantId),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      kind: true,
      value: true,
      threshold: true,
      message: true,
      createdAt: true,
      rule: { select: { id: true, name: true, kind: true } },
      _count: { select: { deliveries: true } },
    },
  });
}
export type AlertEventRow = Awaited<ReturnType<typeof alertHistory>>[number];

/**
 * The delivery log, newest first: what was sent (payload), where, every attempt with its answer.
 * `tenantId` null = every tenant's and the operator channels' (admins only).
 */
export async function deliveryLog(
  prisma: PrismaClient,
  tenantId: string | null,
  opts: { status?: DeliveryStatus; limit?: number; page?: PageRequest } = {},
) {
  return prisma.notificationDelivery.findMany({
    where: {
      ...(tenantId === null ? {} : tenantScope(tenantId)),
      ...(opts.status ? { status: opts.status } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...(opts.page ? pageArgs(opts.page) : { take: opts.limit ?? 50 }),
    select: {
      id: true,
      tenantId: true,
      status: true,
      isTest: true,
      attempts: true,
      responseCode: true,
      responseBody: true,
      latencyMs: true,
      error: true,
      payload: true,
      nextAttemptAt: true,
      deliveredAt: true,
      createdAt: true,
      channel: { select: { id: true, name: true, kind: true } },
      tenant: { select: { id: true, name: true, timeZone: true } },
      alertEvent: { select: { id: true, kind: true, rule: { select: { id: true, name: true } } } },
      log: {
        orderBy: { attempt: "asc" },
        select: {
          attempt: true,
          ok: true,
          responseCode: true,
          responseBody: true,
          latencyMs: true,
          error: true,
          createdAt: true,
        },
      },
    },
  });
}
export type DeliveryRow = Awaited<ReturnType<typeof deliveryLog>>[number];

/** Whether a delivery is the tenant's (a page's cursor must be). */
export async function isTenantDelivery(prisma: PrismaClient, tenantId: string, deliveryId: string) {
  return (
    (await prisma.notificationDelivery.count({ where: { id: deliveryId, ...tenantScope(tenantId) } })) === 1
  );
}

/** Rules firing now, across tenants (enabled ones only), longest-firing first. */
export async function firingAlerts(prisma: PrismaClient, limit = 100) {
  return prisma.alertRule.findMany({
    where: { state: "FIRING", enabled: true },
    orderBy: [{ stateChangedAt: "asc" }, { id: "asc" }],
    take: limit,
    select: {
      id: true,
      kind: true,
      name: true,
      threshold: true,
      lastValue: true,
      stateChangedAt: true,
      tenant: { select: { id: true, name: true, slug: true, timeZone: true } },
    },
  });
}
export type FiringAlertRow = Awaited<ReturnType<typeof firingAlerts>>[number];

export async function countDeadDeliveries(prisma: PrismaClient, tenantId: string | null) {
  return prisma.notificationDelivery.count({
    where: { status: "DEAD", ...(tenantId === null ? {} : tenantScope(tenantId)) },
  });
}
