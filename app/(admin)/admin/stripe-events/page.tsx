import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";

import { ConfirmAction } from "@/components/dashboard/confirm-action";
import { LinkCustomerForm } from "@/components/dashboard/link-customer-form";
import { LocalTime } from "@/components/dashboard/local-time";
import { PageHeader } from "@/components/page-header";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Table, Td, TdNum, Th, THead, Tr } from "@/components/ui/table";
import { loadStripeEvents } from "@/lib/billing/load-stripe-events";
import { requireUser } from "@/lib/web/session";

import { linkCustomerAction, replayEventAction } from "./actions";

export const metadata: Metadata = { title: "Stripe events" };

const STATUSES = ["RECEIVED", "PROCESSED", "FAILED", "IGNORED", "UNMATCHED"] as const;
const TONE: Record<(typeof STATUSES)[number], BadgeTone> = {
  RECEIVED: "muted",
  PROCESSED: "ok",
  FAILED: "bad",
  IGNORED: "muted",
  UNMATCHED: "warn",
};
const query = z.object({
  status: z.enum(STATUSES).optional().catch(undefined),
  before: z.string().max(40).optional().catch(undefined),
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// /admin/stripe-events – every Stripe delivery: its status, attempts and error, with a replay.
export default async function StripeEventsPage({ searchParams }: Props) {
  await requireUser({ area: "admin" });
  const q = query.parse(await searchParams);
  const { page, next, unmatched, linkable } = await loadStripeEvents(q);
  return (
    <>
      <PageHeader
        title="Stripe events"
        description="Webhook deliveries as received, newest first. Replaying is safe: handlers apply an event only if it is newer than what is stored. Times in UTC."
      />
      {unmatched.length > 0 ? (
        <section aria-labelledby="unmatched-heading" className="mb-6">
          <h2 id="unmatched-heading" className="mb-1 text-sm font-semibold">
            Unmatched customers
          </h2>
          <p className="mb-2 text-xs text-muted-foreground">
            Events for Stripe customers no tenant owns yet. Stripe does not send them again: linking a
            customer to its tenant applies them, oldest first.
          </p>
          <Table data-testid="unmatched-customers">
            <THead>
              <tr>
                <Th>Customer</Th>
                <Th className="text-right">Events</Th>
                <Th className="hidden md:table-cell">Types</Th>
                <Th className="hidden sm:table-cell">Created (UTC)</Th>
                <Th>Link to tenant</Th>
              </tr>
            </THead>
            <tbody>
              {unmatched.map((u) => (
                <Tr key={u.customerId}>
                  <Td>
                    <code className="text-xs">{u.customerId}</code>
                  </Td>
                  <TdNum>{u.count}</TdNum>
                  <Td className="hidden text-xs md:table-cell">{u.types.join(", ")}</Td>
                  <Td className="hidden text-xs sm:table-cell">
                    <LocalTime at={u.firstCreated} timeZone="UTC" />
                    {u.count > 1 ? (
                      <>
                        {" "}
                        – <LocalTime at={u.lastCreated} timeZone="UTC" />
                      </>
                    ) : null}
                  </Td>
                  <Td>
                    <LinkCustomerForm
                      action={linkCustomerAction}
                      customerId={u.customerId}
                      eventCount={u.count}
                      tenants={linkable}
                    />
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        </section>
      ) : null}
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        <div className="grid gap-1">
          <Label htmlFor="se-status">Status</Label>
          <Select id="se-status" name="status" defaultValue={q.status ?? ""} className="w-40">
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.toLowerCase()}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" size="sm" variant="outline">
          Filter
        </Button>
      </form>
      {page.length === 0 ? (
        <EmptyState>
          No Stripe events{q.status ? ` with status ${q.status.toLowerCase()}` : ""}. Deliveries to
          /api/stripe/webhook appear here.
        </EmptyState>
      ) : (
        <Table data-testid="stripe-events">
          <THead>
            <tr>
              <Th>Event</Th>
              <Th>Status</Th>
              <Th className="hidden md:table-cell">Tenant</Th>
              <Th className="hidden sm:table-cell">Received (UTC)</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </THead>
          <tbody>
            {page.map((e) => (
              <Tr key={e.id}>
                <Td>
                  <div className="font-medium">{e.type}</div>
                  <code className="text-xs text-muted-foreground">{e.id}</code>
                  {e.error ? <p className="max-w-md text-xs text-red-700">{e.error}</p> : null}
                </Td>
                <Td>
                  <Badge tone={TONE[e.status]}>{e.status.toLowerCase()}</Badge>
                  <div className="text-xs text-muted-foreground">
                    {e.attempts} attempt{e.attempts === 1 ? "" : "s"}
                  </div>
                </Td>
                <Td className="hidden md:table-cell">
                  {e.tenantId ? (
                    <Link
                      className="underline-offset-2 hover:underline"
                      href={`/admin/tenants/${e.tenantId}`}
                    >
                      {e.tenant?.name ?? e.tenantId}
                    </Link>
                  ) : (
                    <span className="text-xs text-muted-foreground">{e.stripeCustomerId ?? "—"}</span>
                  )}
                </Td>
                <Td className="hidden text-xs sm:table-cell">
                  <LocalTime at={e.receivedAt} timeZone="UTC" />
                </Td>
                <Td>
                  <ConfirmAction
                    action={replayEventAction}
                    form="eventId"
                    fields={{ eventId: e.id }}
                    label="Replay"
                    title={`Replay ${e.id}?`}
                    description="The stored payload is applied again through the webhook handlers. An event older than what is stored changes nothing."
                  />
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
      {next ? (
        <Link
          className="mt-3 inline-block text-sm underline-offset-2 hover:underline"
          href={`?${new URLSearchParams({ ...(q.status ? { status: q.status } : {}), before: next })}`}
        >
          Older events →
        </Link>
      ) : null}
    </>
  );
}
