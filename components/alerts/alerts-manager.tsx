import type { ComponentProps } from "react";

import { AlertHistory } from "@/components/alerts/alert-history";
import { ChannelsTable } from "@/components/alerts/channels-table";
import { DeliveryLog } from "@/components/alerts/delivery-log";
import { RulesTable } from "@/components/alerts/rules-table";
import type { AlertActions } from "@/components/alerts/types";
import { Badge } from "@/components/ui/badge";
import { REFUSALS } from "@/lib/decisions/codes";

const REFUSAL_CODES = Object.keys(REFUSALS);

function Section({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description: string;
  children: React.ReactNode;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="grid scroll-mt-20 gap-3">
      <div>
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        <p className="text-sm text-muted-foreground">{description}</p>
      </div>
      {children}
    </section>
  );
}

/** What lib/alerts/load-alerts.ts loadTenantAlerts gives the page, passed through as props. */
type Props = {
  rules: ComponentProps<typeof RulesTable>["rules"];
  channels: ComponentProps<typeof ChannelsTable>["channels"];
  events: ComponentProps<typeof AlertHistory>["events"];
  deliveries: ComponentProps<typeof DeliveryLog>["deliveries"];
  dead: number;
  timeZone: string;
  actions?: AlertActions;
};

/** One tenant's rules, channels, alert history and delivery log: the tenant page and the admin's. */
export function AlertsManager({ rules, channels, events, deliveries, dead, timeZone, actions }: Props) {
  const firing = rules.filter((r) => r.enabled && r.state === "FIRING").length;
  return (
    <div className="grid gap-8">
      <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="alerts-summary">
        {firing > 0 ? <Badge tone="bad">{firing} firing</Badge> : <Badge tone="ok">Nothing firing</Badge>}
        <span className="text-muted-foreground">
          {rules.filter((r) => r.enabled).length} of {rules.length} rules on · {channels.length} channel
          {channels.length === 1 ? "" : "s"}
        </span>
        {dead > 0 ? (
          <a href="#deliveries" className="underline-offset-2 hover:underline">
            <Badge tone="bad">
              {dead} dead deliver{dead === 1 ? "y" : "ies"}
            </Badge>
          </a>
        ) : null}
      </p>
      <Section
        id="rules"
        title="Rules"
        description="Each rule notifies its channels once when it fires and once when it resolves."
      >
        <RulesTable
          rules={rules}
          channels={channels}
          timeZone={timeZone}
          refusalCodes={REFUSAL_CODES}
          actions={actions}
        />
      </Section>
      <Section id="channels" title="Channels" description="Where alerts are sent.">
        <ChannelsTable channels={channels} timeZone={timeZone} actions={actions} />
      </Section>
      <Section
        id="history"
        title="Alert history"
        description={`The last 50 transitions. Times in ${timeZone}.`}
      >
        <AlertHistory events={events} timeZone={timeZone} />
      </Section>
      <Section
        id="deliveries"
        title="Delivery log"
        description="The last 50 notifications with their payload and every attempt's answer. Dead ones gave up after the maximum attempts."
      >
        <DeliveryLog deliveries={deliveries} timeZone={timeZone} retry={actions?.retryDelivery} />
      </Section>
    </div>
  );
}
