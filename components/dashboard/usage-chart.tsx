"use client";

import { useSearchParams } from "next/navigation";
import { useMemo, useState, type ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { CHART_RANGES, chartRangeOf } from "@/components/dashboard/export-links";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { formatTokens } from "@/lib/format/numbers";
import { formatDay } from "@/lib/format/time";
import { formatMicros, formatUsdTick, microsToChartValue } from "@/lib/money/format";

/** BigInts as decimal strings: they cross from the server component as plain JSON. */
export type ChartPoint = { day: string; model: string; tokens: string; cost: string };
type Metric = "tokens" | "cost";

// One colour per model, the same on every page: known models fixed, others from the palette by name.
const FIXED: Record<string, string> = {
  "gpt-4o-mini": "#2563eb",
  "gpt-4o": "#7c3aed",
  "claude-3-5-haiku": "#d97706",
  "claude-sonnet-4": "#dc2626",
  "gemini-2.0-flash": "#059669",
  "llama-3.1-70b": "#0891b2",
};
const PALETTE = ["#4f46e5", "#db2777", "#65a30d", "#ea580c", "#0d9488", "#9333ea", "#ca8a04", "#475569"];
export function modelColor(model: string): string {
  if (FIXED[model]) return FIXED[model];
  let h = 0;
  for (const ch of model) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}

const fmtValue = (metric: Metric, v: bigint) => (metric === "tokens" ? formatTokens(v) : formatMicros(v));

export function UsageChart({
  days,
  models,
  points,
  timeZone,
  emptyAction,
}: {
  days: string[];
  models: string[];
  points: ChartPoint[];
  timeZone: string;
  emptyAction?: ReactNode;
}) {
  // The range lives in the URL (?range=7), so a reload keeps it and the export links follow it.
  const range = chartRangeOf(useSearchParams().get("range"));
  const setRange = (r: string) => {
    const q = new URLSearchParams(window.location.search);
    q.set("range", r);
    window.history.replaceState(null, "", `?${q.toString()}${window.location.hash}`);
  };
  const [metric, setMetric] = useState<Metric>("tokens");
  const [showTable, setShowTable] = useState(false);
  const shown = useMemo(() => days.slice(-Number(range)), [days, range]);
  const rows = useMemo(() => {
    const byDay = new Map(
      shown.map((d) => [
        d,
        { day: d, ...Object.fromEntries(models.map((m) => [m, 0])) } as Record<string, string | number>,
      ]),
    );
    for (const p of points) {
      const row = byDay.get(p.day);
      if (row) row[p.model] = metric === "tokens" ? Number(p.tokens) : microsToChartValue(BigInt(p.cost));
    }
    return [...byDay.values()];
  }, [shown, models, points, metric]);
  // Exact figures for the table and the tooltip: BigInt sums per day and model (the bars' numbers
  // are only heights).
  const exact = useMemo(() => {
    const m = new Map<string, bigint>();
    for (const p of points) m.set(`${p.day}|${p.model}`, BigInt(metric === "tokens" ? p.tokens : p.cost));
    return m;
  }, [points, metric]);
  const total = shown.reduce(
    (s, d) => s + models.reduce((t, m) => t + (exact.get(`${d}|${m}`) ?? 0n), 0n),
    0n,
  );

  return (
    <section aria-labelledby="usage-chart-title" className="flex flex-col gap-3" data-testid="usage-chart">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 id="usage-chart-title" className="text-sm font-medium">
            Usage by day and model
          </h2>
          <p className="text-xs text-muted-foreground">
            Days in {timeZone} · total {fmtValue(metric, total)}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Tabs value={range} onValueChange={setRange}>
            <TabsList aria-label="Range">
              {CHART_RANGES.map((r) => (
                <TabsTrigger key={r} value={r}>
                  {r} days
                </TabsTrigger>
              ))}
            </TabsList>
          </Tabs>
          <Tabs value={metric} onValueChange={(v) => setMetric(v as Metric)}>
            <TabsList aria-label="Measure">
              <TabsTrigger value="tokens">Tokens</TabsTrigger>
              <TabsTrigger value="cost">Cost</TabsTrigger>
            </TabsList>
          </Tabs>
          <Button
            size="sm"
            variant="outline"
            aria-expanded={showTable}
            aria-controls="usage-table"
            onClick={() => setShowTable((s) => !s)}
          >
            {showTable ? "Hide table" : "Show table"}
          </Button>
        </div>
      </div>
      {models.length === 0 ? (
        <EmptyState action={emptyAction}>
          No usage in the last 90 days. Calls reported to POST /api/v1/usage fill this chart.
        </EmptyState>
      ) : (
        <div className="h-64 w-full" aria-hidden={showTable}>
          <ResponsiveContainer width="100%" height="100%" minWidth={200}>
            <BarChart data={rows} margin={{ top: 4, right: 8, bottom: 4, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="day" tickFormatter={formatDay} fontSize={11} minTickGap={16} />
              <YAxis
                fontSize={11}
                width={64}
                tickFormatter={(v: number) =>
                  metric === "tokens"
                    ? Intl.NumberFormat("en-US", { notation: "compact" }).format(v)
                    : formatUsdTick(v)
                }
                label={{
                  value: metric === "tokens" ? "tokens" : "USD",
                  angle: -90,
                  position: "insideLeft",
                  fontSize: 11,
                }}
              />
              <Tooltip
                labelFormatter={(d) => `${formatDay(String(d))} (${timeZone})`}
                formatter={(_v, name, item) => [
                  fmtValue(metric, exact.get(`${String(item.payload?.day)}|${String(name)}`) ?? 0n),
                  String(name),
                ]}
              />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {models.map((m) => (
                <Bar key={m} dataKey={m} stackId="usage" fill={modelColor(m)} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      {showTable && models.length > 0 ? (
        <Table id="usage-table" label="Usage table">
          <TableCaption>
            Usage by day ({timeZone}) and model, in {metric}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>Day</TableHead>
              {models.map((m) => (
                <TableHead key={m} numeric>
                  {m}
                </TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((d) => (
              <TableRow key={d}>
                <TableHead scope="row" className="py-1.5">
                  {d}
                </TableHead>
                {models.map((m) => (
                  <TableCell key={m} numeric className="py-1.5">
                    {fmtValue(metric, exact.get(`${d}|${m}`) ?? 0n)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </section>
  );
}
