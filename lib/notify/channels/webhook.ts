// Signed webhooks per the Standard Webhooks spec: webhook-id (the delivery's id, the same on every
// retry so receivers can de-duplicate), webhook-timestamp and webhook-signature (HMAC-SHA256 with
// the channel's whsec_ secret), verified on the receiving side with the same library.
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

import type { AlertPayload } from "@/lib/notify/alert-payload";

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

export function webhookRequest(
  secret: string,
  deliveryId: string,
  payload: AlertPayload | Record<string, unknown>,
  now = new Date(),
) {
  const body = JSON.stringify(payload);
  const signature = new Webhook(secret).sign(deliveryId, now, body);
  return {
    body,
    headers: {
      "webhook-id": deliveryId,
      "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
      "webhook-signature": signature,
    },
  };
}
