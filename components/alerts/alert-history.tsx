import { T } from "@/components/alerts/table-classes";
import { LocalTime } from "@/components/dashboard/local-time";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { describeThreshold, describeValue } from "@/lib/alerts/payload";
import type { AlertEventRow } from "@/lib/alerts/queries";

/** Every transition of the tenant's rules, newest first. */
export function AlertHistory({ events, timeZone }: { events: AlertEventRow[]; timeZone: string }) {
  if (events.length === 0)
    return (
      <EmptyState>
        No alerts yet. Each time a rule fires or resolves, a row appears here with the value that crossed it.
      </EmptyState>
    );
  return (
    <div className="overflow-x-auto rounded-lg border border-border">
      <table className={T.table} data-testid="alert-history">
        <thead className={T.head}>
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Time ({timeZone})
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Event
            </th>
            <th scope="col" className="hidden px-3 py-2 text-right font-medium sm:table-cell">
              Value
            </th>
            <th scope="col" className="hidden px-3 py-2 text-right font-medium sm:table-cell">
              Threshold
            </th>
          </tr>
        </thead>
        <tbody className={T.body}>
          {events.map((e) => (
            <tr key={e.id} className={T.row}>
              <td className="px-3 text-xs sm:py-2">
                <LocalTime at={e.createdAt} timeZone={timeZone} />
              </td>
              <td className="px-3 sm:py-2">
                <div className="flex flex-wrap items-center gap-2">
                  {e.kind === "FIRING" ? <Badge tone="bad">Fired</Badge> : <Badge tone="ok">Resolved</Badge>}
                  <span className="font-medium">{e.rule.name}</span>
                </div>
                <div className="text-xs text-muted-foreground">
                  {e.message} · {e._count.deliveries} notification{e._count.deliveries === 1 ? "" : "s"}
                </div>
              </td>
              <td className="hidden px-3 text-right whitespace-nowrap tabular-nums sm:table-cell sm:py-2">
                {describeValue(e.rule.kind, e.value === null ? null : Number(e.value))}
              </td>
              <td className="hidden px-3 text-right whitespace-nowrap tabular-nums sm:table-cell sm:py-2">
                {describeThreshold(e.rule.kind, Number(e.threshold))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
