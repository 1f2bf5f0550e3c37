// A decision row as the browser gets it: BigInt as decimal strings, the time in the viewer's
// tenant zone (the zone named), the details JSON passed through as stored.
import type { DecisionRow } from "@/lib/dashboard/decision-log";
import { formatDateTime } from "@/lib/format/time";

export function decisionView(d: DecisionRow, timeZone?: string) {
  const zone = timeZone ?? d.tenant?.timeZone ?? "UTC";
  return {
    id: d.id,
    when: formatDateTime(d.createdAt, zone),
    whenUtc: d.createdAt.toISOString(),
    tenant: d.tenantId && d.tenant ? { id: d.tenantId, name: d.tenant.name } : undefined,
    key: d.apiKey ? `${d.apiKey.name} (${d.apiKey.prefix}…)` : null,
    model: d.model,
    feature: d.feature,
    allowed: d.allowed,
    code: d.code,
    httpStatus: d.httpStatus,
    cost: d.cost?.toString() ?? null,
    details: (d.details ?? {}) as Record<string, never>,
  };
}
