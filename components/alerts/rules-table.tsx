import { ConfirmButton } from "@/components/alerts/confirm-button";
import { RuleFormDialog } from "@/components/alerts/rule-form-dialog";
import { RuleStateBadge } from "@/components/alerts/rule-state-badge";
import { ToggleRuleButton } from "@/components/alerts/toggle-rule-button";
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
import { ALERT_KINDS } from "@/lib/alerts/kinds";
import { thresholdInput } from "@/lib/alerts/manage-forms";
import { describeThreshold, describeValue } from "@/lib/alerts/payload";
import type { ChannelRow, RuleRow } from "@/lib/alerts/queries";
import { kindTakesThreshold } from "@/lib/alerts/settings";

type Props = {
  rules: RuleRow[];
  channels: ChannelRow[];
  timeZone: string;
  refusalCodes: string[];
  actions?: AlertActions;
};

/** The condition in words: "Fires below $10.00 · resolves 20% past it", "Fires at or above 5 refused calls in 15 min (any code) · …". */
function condition(r: RuleRow): string {
  if (!kindTakesThreshold(r.kind)) return `${ALERT_KINDS[r.kind].label}: fires while it holds`;
  const side = ALERT_KINDS[r.kind].direction === "below" ? "below" : "at or above";
  const window =
    r.kind === "REFUSALS"
      ? ` in ${r.windowMinutes ?? 60} min${r.refusalCode ? ` (${r.refusalCode})` : " (any code)"}`
      : "";
  return `Fires ${side} ${describeThreshold(r.kind, Number(r.threshold))}${window} · resolves ${r.resolveMarginPct}% past it`;
}

/** A tenant's rules with their state. Actions present = this viewer may change them. */
export function RulesTable({ rules, channels, timeZone, refusalCodes, actions }: Props) {
  const channelOptions = channels.map((c) => ({ id: c.id, name: c.name }));
  return (
    <div className="grid gap-3">
      {actions ? (
        <div>
          <RuleFormDialog action={actions.saveRule} channels={channelOptions} refusalCodes={refusalCodes} />
        </div>
      ) : null}
      {rules.length === 0 ? (
        <EmptyState>
          No alert rules.{" "}
          {actions
            ? "Add one to hear about a low balance or a full quota before calls are refused."
            : "The account owner can add them."}
        </EmptyState>
      ) : (
        <Table variant="cards" label="Alert rules" data-testid="rules-table">
          <TableHeader>
            <TableRow>
              <TableHead>State</TableHead>
              <TableHead>Rule</TableHead>
              <TableHead numeric hideBelow="sm">
                At last change
              </TableHead>
              <TableHead hideBelow="md">Channels</TableHead>
              {actions ? <TableActionsHead /> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rules.map((r) => (
              <TableRow key={r.id}>
                <TableCell>
                  <RuleStateBadge state={r.state} enabled={r.enabled} />
                  {r.stateChangedAt ? (
                    <div className="mt-1 text-xs text-muted-foreground">
                      since <LocalTime at={r.stateChangedAt} timeZone={timeZone} />
                    </div>
                  ) : null}
                </TableCell>
                <TableCell>
                  <div className="flex flex-wrap items-center gap-2 font-medium">
                    {r.name}
                    {r.isDefault ? (
                      <Badge title="Every new tenant starts with this rule">Default</Badge>
                    ) : null}
                  </div>
                  <div className="text-xs text-muted-foreground">{condition(r)}</div>
                  {r.lastValue !== null ? (
                    <div className="text-xs text-muted-foreground sm:hidden">
                      {describeValue(r.kind, Number(r.lastValue))} at its last change
                    </div>
                  ) : null}
                </TableCell>
                <TableCell numeric hideBelow="sm">
                  {r.lastValue === null ? (
                    <span
                      className="text-muted-foreground"
                      title="The value is recorded when the rule fires or resolves"
                    >
                      —<span className="sr-only">no change yet</span>
                    </span>
                  ) : (
                    describeValue(r.kind, Number(r.lastValue))
                  )}
                </TableCell>
                <TableCell hideBelow="md" className="text-xs">
                  {r.channels.length ? (
                    r.channels.map((c) => c.channel.name).join(", ")
                  ) : (
                    <span className="text-muted-foreground">none (shown here only)</span>
                  )}
                </TableCell>
                {actions ? (
                  <TableActionsCell innerClassName="lg:flex-nowrap">
                    <RuleFormDialog
                      action={actions.saveRule}
                      channels={channelOptions}
                      refusalCodes={refusalCodes}
                      rule={{
                        id: r.id,
                        kind: r.kind,
                        name: r.name,
                        threshold: thresholdInput(r.kind, r.threshold),
                        resolveMarginPct: r.resolveMarginPct,
                        windowMinutes: r.windowMinutes,
                        refusalCode: r.refusalCode,
                        channelIds: r.channels.map((c) => c.channel.id),
                      }}
                    />
                    <ToggleRuleButton
                      action={actions.toggleRule}
                      id={r.id}
                      enabled={r.enabled}
                      name={r.name}
                    />
                    <ConfirmButton
                      action={actions.deleteRule}
                      id={r.id}
                      label="Delete"
                      destructive
                      title={`Delete ${r.name}?`}
                      description="The rule and its alert history are removed. Deliveries already sent stay in the log."
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
