"use client";

import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
  type SortingState,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

import { CardExpiryBadge } from "@/components/billing/card-expiry-badge";
import { HealthBadge } from "@/components/dashboard/health-badge";
import { QuotaBar } from "@/components/dashboard/quota-bar";
import { Money } from "@/components/money";
import { SubscriptionBadge } from "@/components/subscription-badge";
import { TenantStatusBadge } from "@/components/tenant-status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  type HideBelow,
} from "@/components/ui/table";
import { formatDaysLeft } from "@/lib/format/time";
import type { HealthLevel } from "@/lib/tenants/tenant-health";

export type TenantTableRow = {
  id: string;
  name: string;
  slug: string;
  planName: string;
  status: "ACTIVE" | "SUSPENDED";
  subStatus: string | null;
  available: bigint;
  daysLeft: number | null;
  quotaUsed: bigint;
  quotaLimit: bigint | null;
  card: { expMonth: number; expYear: number } | null;
  level: HealthLevel;
  why: string | null;
};

const col = createColumnHelper<TenantTableRow>();
// Column ids are the server's sort keys (lib/tenants/tenants-query.ts SORTS); others do not sort.
const columns = [
  col.accessor("name", {
    id: "name",
    header: "Tenant",
    cell: ({ row: { original: t } }) => (
      <div>
        <Link href={`/admin/tenants/${t.id}`} className="font-medium underline-offset-2 hover:underline">
          {t.name}
        </Link>
        <div className="text-xs text-muted-foreground">
          {t.slug} · {t.planName}
        </div>
      </div>
    ),
  }),
  col.accessor("level", {
    id: "risk",
    header: "State",
    cell: ({ row: { original: t } }) => (
      <div className="flex flex-col items-start gap-1">
        <HealthBadge level={t.level} title={t.why ?? undefined} />
        {t.status === "SUSPENDED" ? <TenantStatusBadge status={t.status} /> : null}
        {t.why ? (
          <span className="hidden max-w-48 text-xs text-muted-foreground lg:block">{t.why}</span>
        ) : null}
      </div>
    ),
  }),
  col.accessor("available", {
    id: "balance",
    header: "Balance",
    meta: { numeric: true },
    cell: (c) => <Money micros={c.getValue()} />,
  }),
  col.accessor("daysLeft", {
    id: "daysLeft",
    header: "Days left",
    meta: { numeric: true, hideBelow: "sm" },
    cell: (c) => <span className="tabular-nums">{formatDaysLeft(c.getValue())}</span>,
  }),
  col.accessor("quotaUsed", {
    id: "quota",
    header: "Quota",
    meta: { hideBelow: "md" },
    cell: ({ row: { original: t } }) => <QuotaBar used={t.quotaUsed} limit={t.quotaLimit} compact />,
  }),
  col.accessor("subStatus", {
    id: "subscription",
    header: "Subscription",
    enableSorting: false,
    meta: { hideBelow: "md" },
    cell: (c) => <SubscriptionBadge status={c.getValue()} />,
  }),
  col.accessor("card", {
    id: "card",
    header: "Card",
    enableSorting: false,
    meta: { hideBelow: "lg" },
    cell: (c) => <CardExpiryBadge card={c.getValue()} now={new Date()} />,
  }),
];

type Meta = { numeric?: boolean; hideBelow?: HideBelow };

/** The admin tenants table: sorting and paging happen on the server; this renders one page and edits the URL. */
export function TenantsDataTable({
  rows,
  sort,
  dir,
}: {
  rows: TenantTableRow[];
  sort: string;
  dir: "asc" | "desc";
}) {
  const pathname = usePathname();
  const params = useSearchParams();
  const sorting: SortingState = [{ id: sort, desc: dir === "desc" }];
  // eslint-disable-next-line react-hooks/incompatible-library -- rebuilt each render on purpose: rows and sorting come from the server
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    state: { sorting },
  });
  // Sort links are plain URLs (they work before hydration and can be shared): a click on the
  // sorted column flips the direction; another column starts descending for numbers.
  const sortHref = (id: string) => {
    const p = new URLSearchParams(params.toString());
    p.set("sort", id);
    p.set(
      "dir",
      id === sort ? (dir === "asc" ? "desc" : "asc") : id === "name" || id === "risk" ? "asc" : "desc",
    );
    p.delete("page");
    return `${pathname}?${p.toString()}`;
  };
  if (rows.length === 0)
    return (
      <EmptyState>No tenant matches these filters. Clear the search or a filter to see more.</EmptyState>
    );
  return (
    // A scrolling table, not cards: its sort links live in the header row. Below 640 px only the
    // tenant, its state and its balance remain, which fit a phone without scrolling.
    <Table label="Tenants" data-testid="tenants-table">
      <TableHeader>
        {table.getHeaderGroups().map((hg) => (
          <TableRow key={hg.id}>
            {hg.headers.map((h) => {
              const meta = (h.column.columnDef.meta ?? {}) as Meta;
              const sorted = h.column.getIsSorted();
              return (
                <TableHead
                  key={h.id}
                  numeric={meta.numeric}
                  hideBelow={meta.hideBelow}
                  aria-sort={sorted ? (sorted === "desc" ? "descending" : "ascending") : undefined}
                >
                  {h.column.getCanSort() ? (
                    <Link
                      href={sortHref(h.column.id)}
                      className="inline-flex items-center gap-1 uppercase hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
                    >
                      {flexRender(h.column.columnDef.header, h.getContext())}
                      {sorted === "asc" ? (
                        <ArrowUp aria-hidden className="size-3" />
                      ) : sorted === "desc" ? (
                        <ArrowDown aria-hidden className="size-3" />
                      ) : (
                        <ArrowUpDown aria-hidden className="size-3 opacity-50" />
                      )}
                    </Link>
                  ) : (
                    flexRender(h.column.columnDef.header, h.getContext())
                  )}
                </TableHead>
              );
            })}
          </TableRow>
        ))}
      </TableHeader>
      <TableBody>
        {table.getRowModel().rows.map((r) => (
          <TableRow key={r.id}>
            {r.getVisibleCells().map((c) => {
              const meta = (c.column.columnDef.meta ?? {}) as Meta;
              return (
                <TableCell key={c.id} numeric={meta.numeric} hideBelow={meta.hideBelow}>
                  {flexRender(c.column.columnDef.cell, c.getContext())}
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
