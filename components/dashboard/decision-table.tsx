"use client";

import { ChevronDown, ChevronRight } from "lucide-react";
import { Fragment, useState } from "react";

import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";

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

const money = (v?: string) =>
  v === undefined
    ? null
    : `$${(Number(v) / 1_000_000).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 6 })}`;

/** Numbers behind a refusal, in the unit of its scope (tokens for quota/context, µUSD money otherwise). */
function numbers(d: DecisionView): Array<[string, string]> {
  const tokenish = d.code === "quota_exceeded" || d.code === "context_too_long";
  const rate = d.code === "rate_limited";
  const fmt = (v?: string) =>
    v === undefined
      ? null
      : tokenish
        ? `${Number(v).toLocaleString("en-US")} tokens`
        : rate
          ? `${v} requests/min`
          : money(v);
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
  const cols = showTenant ? 6 : 5;
  return (
    <div className="overflow-x-auto rounded-lg border border-border">
      <table className="w-full text-sm" data-testid="decision-table">
        <thead className="bg-muted/60 text-left text-xs tracking-wide text-muted-foreground uppercase">
          <tr>
            <th scope="col" className="w-8 px-2 py-2">
              <span className="sr-only">Expand</span>
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Time
            </th>
            {showTenant ? (
              <th scope="col" className="px-3 py-2 font-medium">
                Tenant
              </th>
            ) : null}
            <th scope="col" className="px-3 py-2 font-medium">
              Outcome
            </th>
            <th scope="col" className="hidden px-3 py-2 font-medium md:table-cell">
              Key · model
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Cost
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => {
            const isOpen = open.has(d.id);
            return (
              <Fragment key={d.id}>
                <tr className="border-t border-border">
                  <td className="px-2 py-2">
                    <button
                      type="button"
                      aria-expanded={isOpen}
                      aria-controls={`dec-${d.id}`}
                      aria-label={`Details of ${d.allowed ? "allowed call" : d.code}`}
                      onClick={() => toggle(d.id)}
                      className="rounded p-0.5 hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
                    >
                      {isOpen ? (
                        <ChevronDown aria-hidden className="size-4" />
                      ) : (
                        <ChevronRight aria-hidden className="size-4" />
                      )}
                    </button>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap tabular-nums" title={d.whenUtc}>
                    {d.when}
                  </td>
                  {showTenant ? (
                    <td className="px-3 py-2">
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
                    </td>
                  ) : null}
                  <td className="px-3 py-2">
                    {d.allowed ? (
                      <Badge tone="ok">Allowed</Badge>
                    ) : (
                      <Badge tone={d.httpStatus === 429 ? "warn" : "bad"}>
                        {d.httpStatus} {d.code}
                      </Badge>
                    )}
                  </td>
                  <td className="hidden px-3 py-2 text-muted-foreground md:table-cell">
                    {d.key ?? "—"} · {d.model ?? "—"}
                    {d.feature ? ` · ${d.feature}` : ""}
                  </td>
                  <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                    {d.cost ? money(d.cost) : "—"}
                  </td>
                </tr>
                {isOpen ? (
                  <tr id={`dec-${d.id}`} className="bg-muted/30">
                    <td />
                    <td colSpan={cols - 1} className="px-3 py-2 text-sm">
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
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
