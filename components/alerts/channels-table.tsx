import { ChannelFormDialog } from "@/components/alerts/channel-form-dialog";
import { ConfirmButton } from "@/components/alerts/confirm-button";
import { SendTestButton } from "@/components/alerts/send-test-button";
import type { AlertActions } from "@/components/alerts/types";
import { LocalTime } from "@/components/dashboard/local-time";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import {
  Table,
  TableActionsCell,
  TableActionsHead,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { CHANNEL_LABELS } from "@/lib/alerts/manage-forms";
import type { ChannelRow } from "@/lib/alerts/queries";

/** Where a tenant's alerts go. Secrets are never shown here (only once, when a channel is created). */
export function ChannelsTable({
  channels,
  timeZone,
  actions,
}: {
  channels: ChannelRow[];
  timeZone: string;
  actions?: AlertActions;
}) {
  return (
    <div className="grid gap-3">
      {actions ? (
        <div>
          <ChannelFormDialog action={actions.createChannel} />
        </div>
      ) : null}
      {channels.length === 0 ? (
        <EmptyState>
          No channels yet: rules show their state here but notify nobody.{" "}
          {actions ? "Add a webhook, Slack, email or PagerDuty channel." : "The account owner can add one."}
        </EmptyState>
      ) : (
        <Table variant="cards" label="Alert channels" data-testid="channels-table">
          <TableHeader>
            <TableRow>
              <TableHead>Channel</TableHead>
              <TableHead hideBelow="md">Target</TableHead>
              <TableHead numeric hideBelow="sm">
                Rules
              </TableHead>
              {actions ? <TableActionsHead /> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {channels.map((c) => (
              <TableRow key={c.id}>
                <TableCell>
                  <div className="flex flex-wrap items-center gap-2 font-medium">
                    {c.name} <Badge>{CHANNEL_LABELS[c.kind]}</Badge>
                    {c.enabled ? null : <Badge tone="muted">Off</Badge>}
                  </div>
                  <div className="text-xs text-muted-foreground">
                    added <LocalTime at={c.createdAt} timeZone={timeZone} />
                  </div>
                  <div className="text-xs break-all text-muted-foreground md:hidden">{c.target}</div>
                </TableCell>
                <TableCell hideBelow="md" className="max-w-xs text-xs break-all">
                  <code>{c.target}</code>
                </TableCell>
                <TableCell numeric hideBelow="sm">
                  {c.ruleCount}
                </TableCell>
                {actions ? (
                  <TableActionsCell>
                    <SendTestButton action={actions.sendTest} id={c.id} name={c.name} />
                    <ConfirmButton
                      action={actions.deleteChannel}
                      id={c.id}
                      label="Delete"
                      destructive
                      title={`Delete ${c.name}?`}
                      description="Its rules stop notifying it, and its delivery log is removed with it."
                    />
                  </TableActionsCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
