// "Send test" on a channel: a sample notification delivered at once (not queued), logged like
// any delivery (isTest), with the result returned so the page can show it.
import { randomUUID } from "node:crypto";
import type pg from "pg";

import type { AlertPayload } from "@/lib/notify/alert-payload";
import { deliverNotification, recordThrownAttempt } from "@/lib/notify/deliver";
import type { SendDeps } from "@/lib/notify/send";

export async function sendTestNotification(
  db: pg.Pool,
  deps: SendDeps,
  channelId: string,
  tenantId: string | null,
  appUrl: string,
) {
  const {
    rows: [c],
  } = await db.query<{ tenantId: string | null; tenantName: string | null; slug: string | null }>(
    `SELECT c."tenantId", t.name AS "tenantName", t.slug FROM "NotificationChannel" c LEFT JOIN "Tenant" t ON t.id = c."tenantId"
     WHERE c.id = $1 AND ($2::text IS NULL OR c."tenantId" = $2)`,
    [channelId, tenantId],
  );
  if (!c) return null;
  const name = c.tenantName ?? "Tollgate";
  const payload: AlertPayload = {
    type: "alert.firing",
    eventId: `test_${randomUUID()}`,
    occurredAt: new Date().toISOString(),
    tenant: { id: c.tenantId ?? "", name, slug: c.slug ?? "" },
    rule: {
      id: "test",
      name: "Test notification",
      kind: "BALANCE_BELOW",
      threshold: 10_000_000,
      unit: "micro-USD",
    },
    value: 8_500_000,
    message: `${name}: Test notification from Tollgate — your channel works.`,
    url: `${appUrl.replace(/\/$/, "")}/app/alerts`,
  };
  const id = `dlv_${randomUUID()}`;
  await db.query(
    `INSERT INTO "NotificationDelivery" (id, "tenantId", "channelId", "isTest", payload, "updatedAt") VALUES ($1, $2, $3, true, $4::jsonb, now() AT TIME ZONE 'UTC')`,
    [id, c.tenantId, channelId, JSON.stringify(payload)],
  );
  try {
    await deliverNotification(db, deps, id, 1, true);
  } catch (e) {
    // Shown on the page like any failed answer rather than as an error page.
    await recordThrownAttempt(db, deps, id, 1, true, e);
  }
  const {
    rows: [d],
  } = await db.query<{
    status: string;
    responseCode: number | null;
    error: string | null;
    latencyMs: number | null;
  }>(`SELECT status, "responseCode", error, "latencyMs" FROM "NotificationDelivery" WHERE id = $1`, [id]);
  return {
    deliveryId: id,
    ok: d!.status === "SUCCEEDED",
    responseCode: d!.responseCode,
    error: d!.error,
    latencyMs: d!.latencyMs,
  };
}
