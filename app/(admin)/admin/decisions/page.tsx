import { Download } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { DecisionTable } from "@/components/dashboard/decision-table";
import { PageHeader } from "@/components/page-header";
import { Button, buttonVariants } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { loadDecisionLog } from "@/lib/dashboard/load-decisions";
import { REFUSAL_CODES } from "@/lib/decisions/codes";
import { requireUser } from "@/lib/web/session";

export const metadata: Metadata = { title: "Decisions" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// /admin/decisions – "why was this refused?" across tenants: each row expands to the reason, numbers and remedy.
export default async function DecisionsPage({ searchParams }: Props) {
  await requireUser({ area: "admin" });
  const { filter, rows, next, tenants } = await loadDecisionLog(await searchParams);
  const query = (extra: Record<string, string> = {}) => {
    const p = new URLSearchParams();
    if (filter.outcome !== "all") p.set("outcome", filter.outcome);
    if (filter.code) p.set("code", filter.code);
    if (filter.tenantId) p.set("tenantId", filter.tenantId);
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    return p.toString();
  };
  return (
    <>
      <PageHeader
        title="Decisions"
        description="Every authorize answer across tenants, newest first. Times in each tenant's zone (UTC on hover)."
        actions={
          <a
            className={buttonVariants({ variant: "outline", size: "sm" })}
            href={`/api/dashboard/export/decisions?${query()}`}
          >
            <Download aria-hidden className="size-4" /> Export CSV
          </a>
        }
      />
      <form method="get" className="mb-4 grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-end">
        <div className="col-span-2 grid gap-1 sm:w-56">
          <Label htmlFor="d-tenant">Tenant</Label>
          <Select id="d-tenant" name="tenantId" defaultValue={filter.tenantId ?? ""}>
            <option value="">All tenants</option>
            {tenants.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="d-outcome">Outcome</Label>
          <Select id="d-outcome" name="outcome" defaultValue={filter.outcome} className="sm:w-32">
            <option value="all">All</option>
            <option value="allowed">Allowed</option>
            <option value="refused">Refused</option>
          </Select>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="d-code">Refusal code</Label>
          <Select id="d-code" name="code" defaultValue={filter.code ?? ""} className="sm:w-52">
            <option value="">Any code</option>
            {REFUSAL_CODES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" size="sm" className="col-span-2 sm:col-span-1">
          Filter
        </Button>
      </form>
      <DecisionTable
        rows={rows}
        showTenant
        emptyText="No decisions match these filters. Every call to POST /api/v1/authorize is logged here."
      />
      {next ? (
        <Link
          className="mt-3 inline-block text-sm underline-offset-2 hover:underline"
          href={`?${query({ before: next })}`}
        >
          Older decisions →
        </Link>
      ) : null}
    </>
  );
}
