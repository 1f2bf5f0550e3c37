// One delivery attempt of a queued notification, logged: a NotificationAttempt row per attempt and
// the delivery's status, last response and latency updated in place. A delivery already SUCCEEDED
// is not sent again (a job retried after a worker died mid-way). Returns what the queue must do.
import type pg from "pg";
import type { AlertPayload } from "@/lib/alerts/payload";
import { utc } from "@/lib/db/pool";
import type { ChannelKind, DeliveryStatus } from "@/lib/generated/prisma/enums";
import { sendToChannel, type SendDeps } from "@/lib/notify/send";

export type DeliveryOutcome = "succeeded" | "retry" | "dead" | "skipped";

export async function deliverNotification(db: pg.Pool, deps: SendDeps, deliveryId: string, attempt: number, isLast: boolean, now = () => new Date()): Promise<DeliveryOutcome> {
  const { rows: [d] } = await db.query<{ status: DeliveryStatus; payload: AlertPayload; kind: ChannelKind; target: string; secret: string | null; enabled: boolean }>(
    `SELECT d.status, d.payload, c.kind, c.target, c.secret, c.enabled FROM "NotificationDelivery" d JOIN "NotificationChannel" c ON c.id = d."channelId" WHERE d.id = $1`, [deliveryId]);
  if (!d || d.status === "SUCCEEDED") return "skipped";
  const result = d.enabled
    ? await sendToChannel(deps, d, deliveryId, d.payload)
    : { ok: false, status: null, body: null, error: "the channel is disabled", latencyMs: 0 };
  const status: DeliveryStatus = result.ok ? "SUCCEEDED" : isLast ? "DEAD" : "FAILED";
  const at = now();
  await db.query(
    `WITH logged AS (
       INSERT INTO "NotificationAttempt" ("deliveryId", attempt, ok, "responseCode", "responseBody", "latencyMs", error, "createdAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::timestamp) ON CONFLICT ("deliveryId", attempt) DO NOTHING
     )
     UPDATE "NotificationDelivery" SET status = $9::"DeliveryStatus", attempts = greatest(attempts, $2), "responseCode" = $4, "responseBody" = $5,
       "latencyMs" = $6, error = $7, "deliveredAt" = CASE WHEN $3 THEN $8::timestamp ELSE "deliveredAt" END, "updatedAt" = $8::timestamp
     WHERE id = $1`,
    [deliveryId, attempt, result.ok, result.status, result.body, result.latencyMs, result.error, utc(at), status]);
  return result.ok ? "succeeded" : isLast ? "dead" : "retry";
}
