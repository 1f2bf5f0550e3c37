// One delivery attempt of a queued notification, logged: a NotificationAttempt row per attempt and
// the delivery's status, last response and latency updated in place. A delivery already SUCCEEDED
// is not sent again (a job retried after a worker died mid-way). Returns what the queue must do.
import type pg from "pg";

import { utc } from "@/lib/db/pool";
import type { ChannelKind, DeliveryStatus } from "@/lib/generated/prisma/enums";
import type { AlertPayload } from "@/lib/notify/alert-payload";
import { redactSecrets } from "@/lib/notify/redact";
import type { PostResult } from "@/lib/notify/safe-post";
import { sendToChannel, type SendDeps } from "@/lib/notify/send";

export type DeliveryOutcome = "succeeded" | "retry" | "dead" | "skipped";

export async function deliverNotification(
  db: pg.Pool,
  deps: SendDeps,
  deliveryId: string,
  attempt: number,
  isLast: boolean,
  now = () => new Date(),
): Promise<DeliveryOutcome> {
  const {
    rows: [d],
  } = await db.query<{
    status: DeliveryStatus;
    payload: AlertPayload;
    kind: ChannelKind;
    target: string;
    secret: string | null;
    enabled: boolean;
  }>(
    `SELECT d.status, d.payload, c.kind, c.target, c.secret, c.enabled FROM "NotificationDelivery" d JOIN "NotificationChannel" c ON c.id = d."channelId" WHERE d.id = $1`,
    [deliveryId],
  );
  if (!d || d.status === "SUCCEEDED") return "skipped";
  const result = d.enabled
    ? await sendToChannel(deps, d, deliveryId, d.payload)
    : { ok: false, status: null, body: null, error: "the channel is disabled", latencyMs: 0 };
  // The receiver's answer and the error text are stored and shown to the tenant: never the
  // channel's secret or the SMTP password, whatever a library put in a message.
  const secrets = [d.secret, smtpPassword(deps.smtpUrl)];
  const logged = {
    ...result,
    body: redactSecrets(result.body, secrets),
    error: redactSecrets(result.error, secrets),
  };
  await recordAttempt(
    db,
    deliveryId,
    attempt,
    logged,
    result.ok ? "SUCCEEDED" : isLast ? "DEAD" : "FAILED",
    now(),
  );
  return result.ok ? "succeeded" : isLast ? "dead" : "retry";
}

/**
 * An attempt that threw instead of producing a result (a signing or database error): logged like
 * any failed attempt, and on the last one the delivery is DEAD — otherwise the queue gives up on
 * the job and the delivery log shows it FAILED (or PENDING) for ever, with no Retry button.
 */
export async function recordThrownAttempt(
  db: pg.Pool,
  deps: SendDeps,
  deliveryId: string,
  attempt: number,
  isLast: boolean,
  error: unknown,
  now = () => new Date(),
): Promise<string> {
  const {
    rows: [c],
  } = await db.query<{ secret: string | null }>(
    `SELECT c.secret FROM "NotificationDelivery" d JOIN "NotificationChannel" c ON c.id = d."channelId" WHERE d.id = $1`,
    [deliveryId],
  );
  const message = redactSecrets(
    `the attempt failed: ${error instanceof Error ? error.message : String(error)}`,
    [c?.secret, smtpPassword(deps.smtpUrl)],
  )!;
  await recordAttempt(
    db,
    deliveryId,
    attempt,
    { ok: false, status: null, body: null, error: message, latencyMs: 0 },
    isLast ? "DEAD" : "FAILED",
    now(),
    true,
  );
  return message;
}

async function recordAttempt(
  db: pg.Pool,
  deliveryId: string,
  attempt: number,
  r: PostResult,
  status: DeliveryStatus,
  at: Date,
  unlessSucceeded = false,
): Promise<void> {
  // PostgreSQL text cannot hold NUL: a receiver answering with one must not make the log throw.
  const body = r.body?.replaceAll("\u0000", "") ?? null;
  const error = r.error?.replaceAll("\u0000", "") ?? null;
  await db.query(
    `WITH logged AS (
       INSERT INTO "NotificationAttempt" ("deliveryId", attempt, ok, "responseCode", "responseBody", "latencyMs", error, "createdAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::timestamp) ON CONFLICT ("deliveryId", attempt) DO NOTHING
     )
     UPDATE "NotificationDelivery" SET status = $9::"DeliveryStatus", attempts = greatest(attempts, $2), "responseCode" = $4, "responseBody" = $5,
       "latencyMs" = $6, error = $7, "deliveredAt" = CASE WHEN $3 THEN $8::timestamp ELSE "deliveredAt" END, "updatedAt" = $8::timestamp
     WHERE id = $1 AND NOT ($10 AND status = 'SUCCEEDED')`,
    [deliveryId, attempt, r.ok, r.status, body, r.latencyMs, error, utc(at), status, unlessSucceeded],
  );
}

function smtpPassword(smtpUrl: string | undefined): string | null {
  if (!smtpUrl) return null;
  try {
    const p = new URL(smtpUrl).password;
    return p ? decodeURIComponent(p) : null;
  } catch {
    return null;
  }
}
