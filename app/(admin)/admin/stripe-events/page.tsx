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
          <Table variant="cards" label="Unmatched customers" data-testid="unmatched-customers">
            <TableHeader>
              <TableRow>
                <TableHead>Customer</TableHead>
                <TableHead numeric>Events</TableHead>
                <TableHead hideBelow="md">Types</TableHead>
                <TableHead hideBelow="sm">Created (UTC)</TableHead>
                <TableHead>Link to tenant</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {unmatched.map((u) => (
                <TableRow key={u.customerId}>
                  <TableCell>
                    <code className="text-xs">{u.customerId}</code>
                  </TableCell>
                  <TableCell numeric label="Events">
                    {u.count}
                  </TableCell>
                  <TableCell hideBelow="md" className="text-xs">
                    {u.types.join(", ")}
                  </TableCell>
                  <TableCell hideBelow="sm" className="text-xs">
                    <LocalTime at={u.firstCreated} timeZone="UTC" />
                    {u.count > 1 ? (
                      <>
                        {" "}
                        – <LocalTime at={u.lastCreated} timeZone="UTC" />
                      </>
                    ) : null}
                  </TableCell>
                  <TableCell>
                    <LinkCustomerForm
                      action={linkCustomerAction}
                      customerId={u.customerId}
                      eventCount={u.count}
                      tenants={linkable}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
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
        <Table variant="cards" label="Stripe events" data-testid="stripe-events">
          <TableHeader>
            <TableRow>
              <TableHead>Event</TableHead>
              <TableHead>Status</TableHead>
              <TableHead hideBelow="md">Tenant</TableHead>
              <TableHead hideBelow="sm">Received (UTC)</TableHead>
              <TableActionsHead />
            </TableRow>
          </TableHeader>
          <TableBody>
            {page.map((e) => (
              <TableRow key={e.id}>
                <TableCell>
                  <div className="font-medium">{e.type}</div>
                  <code className="text-xs text-muted-foreground">{e.id}</code>
                  {e.error ? <p className="max-w-md text-xs text-red-700">{e.error}</p> : null}
                </TableCell>
                <TableCell label="Status">
                  <Badge tone={TONE[e.status]}>{e.status.toLowerCase()}</Badge>
                  <div className="text-xs text-muted-foreground">
                    {e.attempts} attempt{e.attempts === 1 ? "" : "s"}
                  </div>
                </TableCell>
                <TableCell hideBelow="md">
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
                </TableCell>
                <TableCell hideBelow="sm" className="text-xs">
                  <LocalTime at={e.receivedAt} timeZone="UTC" />
                </TableCell>
                <TableActionsCell>
                  <ConfirmAction
                    action={replayEventAction}
                    form="eventId"
                    fields={{ eventId: e.id }}
                    label="Replay"
                    title={`Replay ${e.id}?`}
                    description="The stored payload is applied again through the webhook handlers. An event older than what is stored changes nothing."
                  />
                </TableActionsCell>
              </TableRow>
            ))}
          </TableBody>
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
