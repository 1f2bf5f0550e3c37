// Alert rules and channels for integration tests.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AlertRuleKind, ChannelKind } from "@/lib/generated/prisma/enums";
import { newWebhookSecret } from "@/lib/notify/channels/webhook";

export async function createChannel(
  prisma: PrismaClient,
  tenantId: string,
  target: string,
  kind: ChannelKind = "WEBHOOK",
  secret?: string | null,
) {
  return prisma.notificationChannel.create({
    data: {
      tenantId,
      kind,
      name: `${kind.toLowerCase()} channel`,
      target,
      secret: secret === undefined ? (kind === "WEBHOOK" ? newWebhookSecret() : null) : secret,
    },
  });
}

export async function createRule(
  prisma: PrismaClient,
  tenantId: string,
  kind: AlertRuleKind,
  threshold: bigint,
  channelIds: string[] = [],
  extra: { windowMinutes?: number; refusalCode?: string; resolveMarginPct?: number } = {},
) {
  return prisma.alertRule.create({
    data: {
      tenantId,
      kind,
      name: kind.toLowerCase().replaceAll("_", " "),
      threshold,
      ...extra,
      channels: { create: channelIds.map((channelId) => ({ channelId })) },
    },
  });
}

export async function eventsOf(prisma: PrismaClient, ruleId: string): Promise<string[]> {
  return (await prisma.alertEvent.findMany({ where: { ruleId }, orderBy: { createdAt: "asc" } })).map(
    (e) => e.kind,
  );
}
