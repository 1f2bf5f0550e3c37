// The usage chart's loader: 90 days of rollups (the chart narrows to 7 or 30 in the browser), BigInt
// turned to decimal strings because the chart is a client component.
import "server-only";

import { usageSeries } from "@/lib/dashboard/usage-series";
import { pool } from "@/lib/db/pool";

export async function loadUsageChart(tenantId: string, timeZone: string, now: Date) {
  const s = await usageSeries(pool(), tenantId, timeZone, 90, now);
  const points = s.points.map((p) => ({
    day: p.day,
    model: p.model,
    tokens: p.tokens.toString(),
    cost: p.cost.toString(),
  }));
  return { days: s.days, models: s.models, points, timeZone };
}
