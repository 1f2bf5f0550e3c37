"use client";

import { Download } from "lucide-react";
import { useSearchParams } from "next/navigation";

import { buttonVariants } from "@/components/ui/button";
import { exportHref } from "@/lib/dashboard/export-href";

/** The usage chart's ranges; its current one is the URL's `range` (the chart keeps it there). */
export const CHART_RANGES = ["7", "30", "90"] as const;
export const DEFAULT_CHART_RANGE = "30";
export const chartRangeOf = (v: string | null) =>
  (CHART_RANGES as readonly string[]).includes(v ?? "") ? v! : DEFAULT_CHART_RANGE;

/**
 * Streamed CSV downloads of what the page shows: the chart's day range (when the page has the
 * chart: pass the tenant-local `today`) and the decision filters in the URL. A tenant user's
 * export is scoped to their own tenant by the server whatever the link says.
 */
export function ExportLinks({ tenantId, today }: { tenantId?: string; today?: string }) {
  const params = useSearchParams();
  const filters = {
    tenantId,
    today,
    days: today ? Number(chartRangeOf(params.get("range"))) : undefined,
    keyId: params.get("keyId") ?? undefined,
    outcome: params.get("outcome") ?? undefined,
    code: params.get("code") ?? undefined,
  };
  return (
    <div
      className="flex flex-wrap items-center gap-2 text-sm"
      aria-label="CSV exports"
      data-testid="export-links"
    >
      <span className="text-muted-foreground">Export CSV:</span>
      {(["usage", "ledger", "decisions"] as const).map((k) => (
        <a
          key={k}
          href={exportHref(k, filters)}
          className={buttonVariants({ variant: "outline", size: "sm" })}
          download
        >
          <Download aria-hidden className="size-3.5" /> {k}
        </a>
      ))}
    </div>
  );
}
