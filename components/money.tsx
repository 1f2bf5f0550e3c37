import { cn } from "@/components/ui/cn";
import { formatMicros } from "@/lib/money/format";

/** Credits as currency, right-aligned tabular figures. */
export function Money({ micros, className }: { micros: bigint; className?: string }) {
  return (
    <span className={cn("tabular-nums", micros < 0n && "text-red-700", className)}>
      {formatMicros(micros)}
    </span>
  );
}
