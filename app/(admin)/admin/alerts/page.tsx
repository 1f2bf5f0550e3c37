import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";

import { DeliveryLog } from "@/components/alerts/delivery-log";
import { FiringAlertsTable } from "@/components/alerts/firing-alerts-card";
import { PageHeader } from "@/components/page-header";
import { loadOperatorAlerts } from "@/lib/alerts/load-alerts";
import { requireUser } from "@/lib/web/session";

import { retryAnyDeliveryAction } from "./actions";

export const metadata: Metadata = { title: "Alerts" };

const STATUSES = ["DEAD", "FAILED", "PENDING", "SUCCEEDED"] as const;
const LABELS: Record<(typeof STATUSES)[number], string> = {
  DEAD: "Dead",
  FAILED: "Retrying",
  PENDING: "Pending",
  SUCCEEDED: "Delivered",
};
const search = z.object({ status: z.enum(STATUSES).optional().catch(undefined) });

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// /admin/alerts – alerts firing across tenants and the delivery log of every tenant, with dead-letter retry.
export default async function AdminAlertsPage({ searchParams }: Props) {
  await requireUser({ area: "admin" });
  const { status } = search.parse(await searchParams);
  const { firing, deliveries, dead } = await loadOperatorAlerts(status);
  const filter = (s: (typeof STATUSES)[number] | undefined, label: string) => (
    <Link
      key={label}
      href={s ? `/admin/alerts?status=${s}#deliveries` : "/admin/alerts#deliveries"}
      aria-current={status === s ? "page" : undefined}
      className="rounded-md border border-border px-2 py-1 text-xs hover:bg-muted aria-[current=page]:bg-muted aria-[current=page]:font-medium"
    >
      {label}
    </Link>
  );
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Rules firing now across tenants and every notification sent. Each time is in its tenant's zone, zone named."
      />
      <div className="grid gap-8">
        <section aria-labelledby="firing-title" className="grid gap-3">
          <h2 id="firing-title" className="text-lg font-semibold">
            Firing now{" "}
            <span className="text-sm font-normal text-muted-foreground tabular-nums">({firing.length})</span>
          </h2>
          <FiringAlertsTable alerts={firing} />
        </section>
        <section id="deliveries" aria-labelledby="deliveries-title" className="grid gap-3">
          <div className="flex flex-wrap items-end justify-between gap-2">
            <div>
              <h2 id="deliveries-title" className="text-lg font-semibold">
                Delivery log
              </h2>
              <p className="text-sm text-muted-foreground">
                The last 100{status ? ` ${LABELS[status].toLowerCase()}` : ""} deliveries. {dead}{" "}
                dead-lettered in all: retry one once its receiver is fixed.
              </p>
            </div>
            <nav aria-label="Filter by status" className="flex flex-wrap gap-1">
              {filter(undefined, "All")}
              {STATUSES.map((s) => filter(s, LABELS[s]))}
            </nav>
          </div>
          <DeliveryLog deliveries={deliveries} timeZone="UTC" showTenant retry={retryAnyDeliveryAction} />
        </section>
      </div>
    </>
  );
}
