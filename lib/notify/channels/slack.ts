// A Slack incoming-webhook message: the tenant, the numbers and a link to the page.
import type { AlertPayload } from "@/lib/notify/alert-payload";

export function slackRequest(p: AlertPayload) {
  const icon = p.type === "alert.firing" ? ":rotating_light:" : ":white_check_mark:";
  const state = p.type === "alert.firing" ? "Firing" : "Resolved";
  const text = `${icon} *${state}: ${p.rule.name}* — ${p.message} <${p.url}|Open in Tollgate>`;
  return {
    body: JSON.stringify({ text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] }),
    headers: {},
  };
}
