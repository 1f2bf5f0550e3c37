// PagerDuty Events API v2: trigger on FIRING, resolve on RESOLVED, one dedup key per rule so the
// resolve closes the incident the trigger opened. The channel's target is the events URL
// (https://events.pagerduty.com/v2/enqueue) and its secret the integration's routing key.
import type { AlertPayload } from "@/lib/notify/alert-payload";

export const PAGERDUTY_EVENTS_URL = "https://events.pagerduty.com/v2/enqueue";

export function pagerDutyRequest(routingKey: string, p: AlertPayload) {
  const dedupKey = `tollgate:${p.tenant.id}:${p.rule.id}`;
  const event =
    p.type === "alert.firing"
      ? {
          routing_key: routingKey,
          event_action: "trigger",
          dedup_key: dedupKey,
          payload: {
            summary: p.message.slice(0, 1024),
            source: "tollgate",
            severity: "warning",
            timestamp: p.occurredAt,
            custom_details: { tenant: p.tenant, rule: p.rule, value: p.value },
          },
          links: [{ href: p.url, text: "Open in Tollgate" }],
        }
      : { routing_key: routingKey, event_action: "resolve", dedup_key: dedupKey };
  return { body: JSON.stringify(event), headers: {} };
}
