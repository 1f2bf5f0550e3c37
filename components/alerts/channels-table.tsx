import { ChannelFormDialog } from "@/components/alerts/channel-form-dialog";
import { ConfirmButton } from "@/components/alerts/confirm-button";
import { SendTestButton } from "@/components/alerts/send-test-button";
import { T } from "@/components/alerts/table-classes";
import type { AlertActions } from "@/components/alerts/types";
import { LocalTime } from "@/components/dashboard/local-time";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
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
        <div className="overflow-x-auto rounded-lg border border-border">
          <table className={T.table} data-testid="channels-table">
            <thead className={T.head}>
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Channel
                </th>
                <th scope="col" className="hidden px-3 py-2 font-medium md:table-cell">
                  Target
                </th>
                <th scope="col" className="hidden px-3 py-2 text-right font-medium sm:table-cell">
                  Rules
                </th>
                {actions ? (
                  <th scope="col" className="px-3 py-2 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className={T.body}>
              {channels.map((c) => (
                <tr key={c.id} className={T.row}>
                  <td className="px-3 sm:py-2">
                    <div className="flex flex-wrap items-center gap-2 font-medium">
                      {c.name} <Badge>{CHANNEL_LABELS[c.kind]}</Badge>
                      {c.enabled ? null : <Badge tone="muted">Off</Badge>}
                    </div>
                    <div className="text-xs text-muted-foreground">
                      added <LocalTime at={c.createdAt} timeZone={timeZone} />
                    </div>
                    <div className="text-xs break-all text-muted-foreground md:hidden">{c.target}</div>
                  </td>
                  <td className="hidden max-w-xs px-3 text-xs break-all sm:py-2 md:table-cell">
                    <code>{c.target}</code>
                  </td>
                  <td className="hidden px-3 text-right tabular-nums sm:table-cell sm:py-2">{c.ruleCount}</td>
                  {actions ? (
                    <td className="px-3 sm:py-2">
                      <div className="flex flex-wrap items-center gap-2 sm:justify-end">
                        <SendTestButton action={actions.sendTest} id={c.id} name={c.name} />
                        <ConfirmButton
                          action={actions.deleteChannel}
                          id={c.id}
                          label="Delete"
                          destructive
                          title={`Delete ${c.name}?`}
                          description="Its rules stop notifying it, and its delivery log is removed with it."
                        />
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
