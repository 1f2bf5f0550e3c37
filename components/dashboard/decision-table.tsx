"use client";

import { ChevronDown, ChevronRight } from "lucide-react";
import { Fragment, useState } from "react";

import { OutcomeBadge } from "@/components/dashboard/outcome-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatTokens } from "@/lib/format/numbers";
import { formatMicros } from "@/lib/money/format";

/** A decision as it crosses to the browser: money as decimal strings, times preformatted. */
export type DecisionView = {
  id: string;
  when: string;
  whenUtc: string;
  tenant?: { id: string; name: string };
  key: string | null;
  model: string | null;
  feature: string | null;
  allowed: boolean;
  code: string | null;
  httpStatus: number;
  cost: string | null;
  details: {
    title?: string;
    detail?: string;
    limit?: string;
    used?: string;
    remaining?: string;
    resetsAt?: string;
    remedy?: { action: string; url: string };
    limits?: { warnings?: Array<{ code: string }> };
  };
};

// Stored numbers are integer decimal strings; anything else is shown as stored rather than guessed at.
const integer = (v: string) => (/^-?\d+$/.test(v) ? BigInt(v) : null);
const money = (v: string) => {
  const n = integer(v);
  return n === null ? v : formatMicros(n);
};

/** Numbers behind a refusal, in the unit of its scope (tokens for quota/context, µUSD money otherwise). */
function numbers(d: DecisionView): Array<[string, string]> {
  const tokenish = d.code === "quota_exceeded" || d.code === "context_too_long";
  const rate = d.code === "rate_limited";
  const fmt = (v?: string) => {
    if (v === undefined) return null;
    if (rate) return `${v} requests/min`;
    const n = integer(v);
    return tokenish && n !== null ? formatTokens(n) : money(v);
  };
  const out: Array<[string, string | null]> = [
    ["Limit", fmt(d.details.limit)],
    ["Used", fmt(d.details.used)],
    ["Remaining", fmt(d.details.remaining)],
    ["Resets", d.details.resetsAt ?? null],
  ];
  return out.filter((x): x is [string, string] => x[1] !== null);
}

/** The decision log: each row expands to the reason, the numbers that caused it and the remedy. */
export function DecisionTable({
  rows,
  showTenant,
  emptyText,
}: {
  rows: DecisionView[];
  showTenant?: boolean;
  emptyText: string;
}) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  if (rows.length === 0) return <EmptyState>{emptyText}</EmptyState>;
  const toggle = (id: string) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const cols = showTenant ? 5 : 4;
  return (
    <Table variant="cards" label="Decision log" data-testid="decision-table">
      <TableHeader>
        <TableRow>
          <TableHead>Time</TableHead>
          {showTenant ? <TableHead>Tenant</TableHead> : null}
          <TableHead>Outcome</TableHead>
          <TableHead hideBelow="md">Key · model</TableHead>
          <TableHead numeric>Cost</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((d) => {
          const isOpen = open.has(d.id);
          return (
            <Fragment key={d.id}>
              <TableRow>
                {/* The toggle sits in the time cell, so a card (below 640 px) opens from its first line. */}
                <TableCell className="whitespace-nowrap tabular-nums" title={d.whenUtc}>
                  <button
                    type="button"
                    aria-expanded={isOpen}
                    aria-controls={`dec-${d.id}`}
                    aria-label={`Details of ${d.allowed ? "allowed call" : d.code}`}
                    onClick={() => toggle(d.id)}
                    className="mr-1 inline-flex rounded p-0.5 align-text-bottom hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
                  >
                    {isOpen ? (
                      <ChevronDown aria-hidden className="size-4" />
                    ) : (
                      <ChevronRight aria-hidden className="size-4" />
                    )}
                  </button>
                  {d.when}
                </TableCell>
                {showTenant ? (
                  <TableCell label="Tenant">
                    {d.tenant ? (
                      <a
                        className="underline-offset-2 hover:underline"
                        href={`/admin/tenants/${d.tenant.id}`}
                      >
                        {d.tenant.name}
                      </a>
                    ) : (
                      <span className="text-muted-foreground">unknown key</span>
                    )}
                  </TableCell>
                ) : null}
                <TableCell label="Outcome">
                  <OutcomeBadge allowed={d.allowed} httpStatus={d.httpStatus}>
                    {d.allowed ? "Allowed" : `${d.httpStatus} ${d.code}`}
                  </OutcomeBadge>
                </TableCell>
                <TableCell hideBelow="md" className="text-muted-foreground">
                  {d.key ?? "—"} · {d.model ?? "—"}
                  {d.feature ? ` · ${d.feature}` : ""}
                </TableCell>
                <TableCell numeric label="Cost">
                  {d.cost ? money(d.cost) : "—"}
                </TableCell>
              </TableRow>
              {isOpen ? (
                <TableRow id={`dec-${d.id}`} className="bg-muted/30">
                  <TableCell colSpan={cols} className="text-sm">
                    {d.allowed ? (
                      <p>
                        Allowed
                        {d.details.limits?.warnings?.length
                          ? ` with warnings: ${d.details.limits.warnings.map((w) => w.code).join(", ")}`
                          : ""}
                        . Decision {d.id}.
                      </p>
                    ) : (
                      <div className="grid gap-1">
                        <p>
                          <span className="font-medium">{d.details.title}.</span> {d.details.detail}
                        </p>
                        {numbers(d).length ? (
                          <dl className="flex flex-wrap gap-x-4 gap-y-1 text-xs">
                            {numbers(d).map(([k, v]) => (
                              <div key={k} className="flex gap-1">
                                <dt className="text-muted-foreground">{k}</dt>
                                <dd className="tabular-nums">{v}</dd>
                              </div>
                            ))}
                          </dl>
                        ) : null}
                        {d.details.remedy ? (
                          <p className="text-xs">
                            Remedy shown: <code>{d.details.remedy.action}</code> →{" "}
                            <span className="break-all">{d.details.remedy.url}</span>
                          </p>
                        ) : null}
                        <p className="text-xs text-muted-foreground md:hidden">
                          {d.key ?? "—"} · {d.model ?? "—"}
                        </p>
                      </div>
                    )}
                  </TableCell>
                </TableRow>
              ) : null}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}
