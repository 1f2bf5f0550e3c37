import type { ReactNode } from "react";

import { UsageChart } from "@/components/dashboard/usage-chart";
import { usageSeries } from "@/lib/dashboard/usage-series";
import { pool } from "@/lib/db/pool";

/** The 90 days of rollups behind the chart; the chart narrows to 7 or 30 in the browser. */
export async function UsageSection({
  tenantId,
  timeZone,
  now,
  emptyAction,
}: {
  tenantId: string;
  timeZone: string;
  now: Date;
  emptyAction?: ReactNode;
}) {
  const s = await usageSeries(pool(), tenantId, timeZone, 90, now);
  const points = s.points.map((p) => ({
    day: p.day,
    model: p.model,
    tokens: p.tokens.toString(),
    cost: p.cost.toString(),
  }));
  return (
    <UsageChart
      days={s.days}
      models={s.models}
      points={points}
      timeZone={timeZone}
      emptyAction={emptyAction}
    />
  );
}
