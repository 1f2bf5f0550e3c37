import Link from "next/link";

import { ConfirmButton } from "@/components/alerts/confirm-button";
import type { FormAction } from "@/components/alerts/types";
import { LocalTime } from "@/components/dashboard/local-time";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { CHANNEL_LABELS } from "@/lib/alerts/manage-forms";
import type { DeliveryRow } from "@/lib/alerts/queries";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";

const STATUS: Record<DeliveryStatus, React.ReactNode> = {
  SUCCEEDED: <Badge tone="ok">Delivered</Badge>,
  PENDING: <Badge tone="warn">Pending</Badge>,
  FAILED: <Badge tone="warn">Retrying</Badge>,
  DEAD: <Badge tone="bad">Dead</Badge>,
};

type Props = {
  deliveries: DeliveryRow[];
  /** The zone of the times; per row the delivery's tenant zone when `showTenant` (admin log). */
  timeZone: string;
  showTenant?: boolean;
  retry?: FormAction;
};

/** Every notification sent: to which channel, what (payload), each attempt and its answer. */
export function DeliveryLog({ deliveries, timeZone, showTenant, retry }: Props) {
  if (deliveries.length === 0)
    return (
      <EmptyState>
        No notifications sent yet. They appear here when a rule with a channel fires or resolves, or when you
        send a test.
      </EmptyState>
    );
  return (
    <Table variant="cards" label="Notification deliveries" data-testid="delivery-log">
      <TableHeader>
        <TableRow>
          <TableHead>Time{showTenant ? "" : ` (${timeZone})`}</TableHead>
          <TableHead>Notification</TableHead>
          <TableHead numeric hideBelow="sm">
            Attempts
          </TableHead>
          <TableHead>Status</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {deliveries.map((d) => {
          const zone = showTenant ? (d.tenant?.timeZone ?? "UTC") : timeZone;
          const what = d.isTest
            ? "Test notification"
            : `${d.alertEvent?.kind === "RESOLVED" ? "Resolved" : "Fired"}: ${d.alertEvent?.rule.name ?? "rule"}`;
          return (
            <TableRow key={d.id} data-status={d.status}>
              <TableCell className="text-xs">
                <LocalTime at={d.createdAt} timeZone={zone} />
              </TableCell>
              <TableCell>
                {showTenant ? (
                  <div className="text-xs">
                    {d.tenant ? (
                      <Link
                        className="underline-offset-2 hover:underline"
                        href={`/admin/tenants/${d.tenant.id}/alerts`}
                      >
                        {d.tenant.name}
                      </Link>
                    ) : (
                      "Operator channel"
                    )}
                  </div>
                ) : null}
                <div className="font-medium">{what}</div>
                <div className="text-xs text-muted-foreground">
                  to {d.channel.name} ({CHANNEL_LABELS[d.channel.kind]})
                  {d.responseCode !== null ? ` · last answer HTTP ${d.responseCode}` : ""}
                  {d.latencyMs !== null ? ` in ${d.latencyMs} ms` : ""}
                </div>
                {d.error ? <div className="text-xs break-all text-red-700">{d.error}</div> : null}
                <details className="mt-1 text-xs">
                  <summary className="cursor-pointer text-muted-foreground">Payload and responses</summary>
                  <pre className="mt-1 max-h-64 max-w-[80vw] overflow-auto rounded-md bg-muted p-2 break-all whitespace-pre-wrap sm:max-w-xl">
                    {JSON.stringify(d.payload, null, 2)}
                  </pre>
                  {d.log.length === 0 ? (
                    <p className="mt-1 text-muted-foreground">No attempt yet.</p>
                  ) : (
                    <ol className="mt-1 grid gap-1">
                      {d.log.map((a) => (
                        <li key={a.attempt} className="rounded-md border border-border p-2">
                          <div className="flex flex-wrap items-center gap-2">
                            <span>#{a.attempt}</span>
                            {a.ok ? <Badge tone="ok">OK</Badge> : <Badge tone="bad">Failed</Badge>}
                            <span className="tabular-nums">
                              {a.responseCode !== null ? `HTTP ${a.responseCode}` : "no answer"} ·{" "}
                              {a.latencyMs} ms
                            </span>
                            <LocalTime at={a.createdAt} timeZone={zone} />
                          </div>
                          {a.error ? <div className="break-all text-red-700">{a.error}</div> : null}
                          {a.responseBody ? (
                            <pre className="mt-1 max-h-32 max-w-[80vw] overflow-auto break-all whitespace-pre-wrap sm:max-w-xl">
                              {a.responseBody}
                            </pre>
                          ) : null}
                        </li>
                      ))}
                    </ol>
                  )}
                </details>
              </TableCell>
              <TableCell numeric hideBelow="sm">
                {d.attempts}
              </TableCell>
              <TableCell label="Status">
                <div className="flex flex-col items-start gap-2">
                  {STATUS[d.status]}
                  {retry && d.status === "DEAD" ? (
                    <ConfirmButton
                      action={retry}
                      id={d.id}
                      label="Retry"
                      title="Retry this delivery?"
                      description="It is queued again and retried with backoff; every attempt is logged."
                    />
                  ) : null}
                </div>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
