import { AlertEventBadge } from "@/components/alerts/alert-event-badge";
import { LocalTime } from "@/components/dashboard/local-time";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
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
    <Table variant="cards" label="Alert history" data-testid="alert-history">
      <TableHeader>
        <TableRow>
          <TableHead>Time ({timeZone})</TableHead>
          <TableHead>Event</TableHead>
          <TableHead numeric hideBelow="sm">
            Value
          </TableHead>
          <TableHead numeric hideBelow="sm">
            Threshold
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {events.map((e) => (
          <TableRow key={e.id}>
            <TableCell className="text-xs">
              <LocalTime at={e.createdAt} timeZone={timeZone} />
            </TableCell>
            <TableCell>
              <div className="flex flex-wrap items-center gap-2">
                <AlertEventBadge kind={e.kind} />
                <span className="font-medium">{e.rule.name}</span>
              </div>
              <div className="text-xs text-muted-foreground">
                {e.message} · {e._count.deliveries} notification{e._count.deliveries === 1 ? "" : "s"}
              </div>
            </TableCell>
            <TableCell numeric hideBelow="sm">
              {describeValue(e.rule.kind, e.value === null ? null : Number(e.value))}
            </TableCell>
            <TableCell numeric hideBelow="sm">
              {describeThreshold(e.rule.kind, Number(e.threshold))}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
