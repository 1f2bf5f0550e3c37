import { cn } from "@/components/ui/cn";
import { formatCount, formatPercent } from "@/lib/format/numbers";
import { QUOTA_WARN_PCT } from "@/lib/tenants/tenant-health";

/** Tokens used of the monthly quota: a bar with the exact numbers beside it (never colour alone). */
export function QuotaBar({
  used,
  limit,
  compact = false,
}: {
  used: bigint;
  limit: bigint | null;
  compact?: boolean;
}) {
  if (limit === null)
    return (
      <span className="text-xs text-muted-foreground tabular-nums">
        {formatCount(used)} tokens · unlimited
      </span>
    );
  // The bar's width and tone only; the text is formatPercent's exact tenth.
  const pct = limit > 0n ? Number((used * 1000n) / limit) / 10 : 100;
  const pctText = formatPercent(used, limit);
  const tone = pct >= 100 ? "bg-red-600" : pct >= QUOTA_WARN_PCT ? "bg-amber-500" : "bg-emerald-600";
  return (
    <div className={cn("flex min-w-28 flex-col gap-1", compact && "min-w-24")}>
      <div
        role="progressbar"
        aria-label="Monthly quota used"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.min(100, pct)}
        aria-valuetext={pctText}
        className="h-1.5 w-full overflow-hidden rounded-full bg-muted"
      >
        <div className={cn("h-full", tone)} style={{ width: `${Math.min(100, pct)}%` }} />
      </div>
      <span className="text-xs text-muted-foreground tabular-nums">
        {pctText}
        {compact ? null : (
          <>
            {" "}
            · {formatCount(used)} of {formatCount(limit)} tokens
          </>
        )}
      </span>
    </div>
  );
}
