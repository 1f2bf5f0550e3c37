// A tenant's alert rules, channels and delivery log as the admin API shows them (the wire's schemas:
// lib/api/schemas/alerts.ts), read with the dashboard's queries (lib/alerts/queries.ts). Money and
// other big counts leave as decimal strings, times as ISO 8601 UTC; a channel's secret never leaves
// (a Slack URL, itself a credential, is shortened as on the pages). An unknown tenant, or a row of
// another tenant, is not found; a page's cursor must be a row of the same list.
import { notFound } from "@/lib/alerts/command-errors";
import { ALERT_KINDS } from "@/lib/alerts/kinds";
import {
  deliveryLog,
  getChannel,
  getRule,
  isTenantDelivery,
  listChannels,
  listRules,
  type ChannelRow,
  type DeliveryRow,
  type RuleRow,
} from "@/lib/alerts/queries";
import type { TestResult } from "@/lib/alerts/test-channel";
import { toPage, unknownCursor, type Page, type PageRequest } from "@/lib/db/page";
import type { DeliveryStatus, PrismaClient } from "@/lib/generated/prisma/client";

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function ruleJson(r: RuleRow) {
  const { unit, direction } = ALERT_KINDS[r.kind];
  return {
    id: r.id,
    tenantId: r.tenantId,
    kind: r.kind,
    name: r.name,
    threshold: r.threshold.toString(),
    unit: direction === "flag" ? null : unit,
    resolveMarginPct: r.resolveMarginPct,
    windowMinutes: r.windowMinutes,
    refusalCode: r.refusalCode,
    enabled: r.enabled,
    isDefault: r.isDefault,
    state: r.state,
    lastValue: r.lastValue?.toString() ?? null,
    lastEvaluatedAt: iso(r.lastEvaluatedAt),
    stateChangedAt: iso(r.stateChangedAt),
    channels: r.channels.map((c) => c.channel),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function channelJson(c: ChannelRow) {
  return {
    id: c.id,
    tenantId: c.tenantId,
    kind: c.kind,
    name: c.name,
    target: c.target,
    enabled: c.enabled,
    ruleCount: c.ruleCount,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function deliveryJson(d: DeliveryRow) {
  return {
    id: d.id,
    tenantId: d.tenantId,
    channel: d.channel,
    alert: d.alertEvent
      ? {
          eventId: d.alertEvent.id,
          kind: d.alertEvent.kind,
          ruleId: d.alertEvent.rule.id,
          ruleName: d.alertEvent.rule.name,
        }
      : null,
    isTest: d.isTest,
    status: d.status,
    attempts: d.attempts,
    responseCode: d.responseCode,
    responseBody: d.responseBody,
    latencyMs: d.latencyMs,
    error: d.error,
    payload: d.payload,
    nextAttemptAt: iso(d.nextAttemptAt),
    deliveredAt: iso(d.deliveredAt),
    createdAt: d.createdAt.toISOString(),
    log: d.log.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
  };
}

/** What a test send did (lib/alerts/test-channel.ts). */
export function channelTestJson(r: TestResult) {
  return {
    deliveryId: r.deliveryId,
    delivered: r.ok,
    responseCode: r.responseCode,
    latencyMs: r.latencyMs,
    error: r.error,
  };
}

async function assertTenant(prisma: PrismaClient, tenantId: string) {
  if (!(await prisma.tenant.count({ where: { id: tenantId } }))) throw notFound("tenant");
}

export async function ruleView(prisma: PrismaClient, tenantId: string, ruleId: string) {
  const rule = await getRule(prisma, tenantId, ruleId);
  if (!rule) throw notFound("rule");
  return ruleJson(rule);
}

export async function rulesPage(
  prisma: PrismaClient,
  tenantId: string,
  page: PageRequest,
): Promise<Page<ReturnType<typeof ruleJson>>> {
  await assertTenant(prisma, tenantId);
  if (page.startingAfter && !(await getRule(prisma, tenantId, page.startingAfter))) throw unknownCursor();
  const rows = await listRules(prisma, tenantId, page);
  return toPage(rows, page, ruleJson);
}

export async function channelView(prisma: PrismaClient, tenantId: string, channelId: string) {
  const channel = await getChannel(prisma, tenantId, channelId);
  if (!channel) throw notFound("channel");
  return channelJson(channel);
}

export async function channelsPage(
  prisma: PrismaClient,
  tenantId: string,
  page: PageRequest,
): Promise<Page<ReturnType<typeof channelJson>>> {
  await assertTenant(prisma, tenantId);
  if (page.startingAfter && !(await getChannel(prisma, tenantId, page.startingAfter))) throw unknownCursor();
  const rows = await listChannels(prisma, tenantId, page);
  return toPage(rows, page, channelJson);
}

/** The delivery log, newest first, optionally of one status. */
export async function deliveriesPage(
  prisma: PrismaClient,
  tenantId: string,
  page: PageRequest & { status?: DeliveryStatus },
): Promise<Page<ReturnType<typeof deliveryJson>>> {
  await assertTenant(prisma, tenantId);
  if (page.startingAfter && !(await isTenantDelivery(prisma, tenantId, page.startingAfter)))
    throw unknownCursor();
  const rows = await deliveryLog(prisma, tenantId, { status: page.status, page });
  return toPage(rows, page, deliveryJson);
}
