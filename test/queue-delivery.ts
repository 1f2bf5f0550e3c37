// Queues notifications without going through a rule crossing (for delivery tests): an AlertEvent,
// one NotificationDelivery per channel and its job, in one transaction — as evaluateAlerts does.
import { randomUUID } from "node:crypto";
import type pg from "pg";

import { withTransaction } from "@/lib/db/transaction";
import { enqueueNotification } from "@/lib/jobs/enqueue";
import type { AlertPayload } from "@/lib/notify/alert-payload";

export function samplePayload(
  tenant: { id: string; name: string; slug: string },
  ruleId: string,
  type: AlertPayload["type"] = "alert.firing",
): AlertPayload {
  return {
    type,
    eventId: `alev_${randomUUID()}`,
    occurredAt: new Date().toISOString(),
    tenant,
    rule: {
      id: ruleId,
      name: "Low balance",
      kind: "BALANCE_BELOW",
      threshold: 10_000_000,
      unit: "micro-USD",
    },
    value: 8_500_000,
    message: `${tenant.name}: Low balance — $8.50, below $10.00.`,
    url: "http://tollgate.test/app/alerts",
  };
}

export async function queueDeliveries(
  pool: pg.Pool,
  tenantId: string,
  ruleId: string,
  channelIds: string[],
  payload: AlertPayload,
): Promise<string[]> {
  return withTransaction(pool, async (client) => {
    await client.query(
      `INSERT INTO "AlertEvent" (id, "tenantId", "ruleId", kind, threshold, message) VALUES ($1, $2, $3, $4::"AlertEventKind", 0, $5)`,
      [
        payload.eventId,
        tenantId,
        ruleId,
        payload.type === "alert.firing" ? "FIRING" : "RESOLVED",
        payload.message,
      ],
    );
    const ids: string[] = [];
    for (const channelId of channelIds) {
      const id = `dlv_${randomUUID()}`;
      await client.query(
        `INSERT INTO "NotificationDelivery" (id, "tenantId", "channelId", "alertEventId", payload, "updatedAt") VALUES ($1, $2, $3, $4, $5::jsonb, now())`,
        [id, tenantId, channelId, payload.eventId, JSON.stringify(payload)],
      );
      await enqueueNotification(client, { deliveryId: id, firstAttempt: 1 });
      ids.push(id);
    }
    return ids;
  });
}
