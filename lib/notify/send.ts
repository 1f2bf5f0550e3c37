// One attempt to put a payload on a channel, whatever its kind. Never throws: the result says
// what happened (it is logged as the attempt).
import type { ChannelKind } from "@/lib/generated/prisma/enums";
import type { AlertPayload } from "@/lib/notify/alert-payload";
import { sendAlertEmail } from "@/lib/notify/channels/email";
import { pagerDutyRequest } from "@/lib/notify/channels/pagerduty";
import { slackRequest } from "@/lib/notify/channels/slack";
import { webhookRequest } from "@/lib/notify/channels/webhook";
import { safePost, type PostResult } from "@/lib/notify/safe-post";

export type SendDeps = { allowPrivate: boolean; smtpUrl?: string; emailFrom: string; timeoutMs?: number };
export type Channel = { kind: ChannelKind; target: string; secret: string | null };

export async function sendToChannel(
  deps: SendDeps,
  channel: Channel,
  deliveryId: string,
  payload: AlertPayload,
): Promise<PostResult> {
  const post = (req: { body: string; headers: Record<string, string> }) =>
    safePost(channel.target, req.body, req.headers, deps);
  switch (channel.kind) {
    case "WEBHOOK":
      if (!channel.secret) return failed("the channel has no signing secret");
      return post(webhookRequest(channel.secret, deliveryId, payload));
    case "SLACK":
      return post(slackRequest(payload));
    case "PAGERDUTY":
      if (!channel.secret) return failed("the channel has no routing key");
      return post(pagerDutyRequest(channel.secret, payload));
    case "EMAIL": {
      if (!deps.smtpUrl) return failed("SMTP_URL is not set: email alerts cannot be sent");
      const started = performance.now();
      try {
        const info = await sendAlertEmail(deps.smtpUrl, deps.emailFrom, channel.target, payload);
        return {
          ok: true,
          status: 250,
          body: info.response,
          error: null,
          latencyMs: Math.round(performance.now() - started),
        };
      } catch (e) {
        return {
          ok: false,
          status: null,
          body: null,
          error: (e as Error).message,
          latencyMs: Math.round(performance.now() - started),
        };
      }
    }
  }
}

function failed(error: string): PostResult {
  return { ok: false, status: null, body: null, error, latencyMs: 0 };
}
