import type { Metadata } from "next";
import Link from "next/link";

import { tenantTableRow } from "@/components/admin/tenant-rows";
import { TenantsDataTable } from "@/components/admin/tenants-data-table";
import { PageHeader } from "@/components/page-header";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { loadTenantList } from "@/lib/tenants/load-tenant-list";
import { PAGE_SIZES, tenantsQuerySchema } from "@/lib/tenants/tenants-query";
import { requireUser } from "@/lib/web/session";

export const metadata: Metadata = { title: "Tenants" };

const SUB_STATUSES = ["active", "trialing", "past_due", "canceled", "unpaid", "incomplete", "paused", "none"];

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// /admin/tenants – search, filter, sort and page every tenant (all on the server; the URL holds the state).
export default async function TenantsPage({ searchParams }: Props) {
  await requireUser({ area: "admin" });
  const raw = await searchParams;
  const q = tenantsQuerySchema.parse(raw);
  const now = new Date();
  const { result, tenantCount, plans } = await loadTenantList(q, now);
  const link = (page: number) => {
    const p = new URLSearchParams(
      Object.entries(raw).flatMap(([k, v]) => (typeof v === "string" && v !== "" ? [[k, v]] : [])),
    );
    p.set("page", String(page));
    return `?${p.toString()}`;
  };
  return (
    <>
      <PageHeader
        title="Tenants"
        description={`${result.total.toLocaleString("en-US")} of ${tenantCount.toLocaleString("en-US")} tenants`}
      />
      <form
        method="get"
        role="search"
        className="mb-4 grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-end"
      >
        <div className="col-span-2 grid gap-1 sm:w-56">
          <Label htmlFor="t-q">Search</Label>
          <Input id="t-q" name="q" type="search" defaultValue={q.q} placeholder="Name or slug" />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="t-plan">Plan</Label>
          <Select id="t-plan" name="plan" defaultValue={q.plan ?? ""} className="sm:w-32">
            <option value="">Any plan</option>
            {plans.map((p) => (
              <option key={p.key} value={p.key}>
                {p.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="t-sub">Subscription</Label>
          <Select id="t-sub" name="sub" defaultValue={q.sub ?? ""} className="sm:w-36">
            <option value="">Any status</option>
            {SUB_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s === "none" ? "No subscription" : s.replace("_", " ")}
              </option>
            ))}
          </Select>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="t-risk">Risk</Label>
          <Select id="t-risk" name="risk" defaultValue={q.risk ?? ""} className="sm:w-36">
            <option value="">Any</option>
            <option value="refusing">Refusing</option>
            <option value="warn">Warning</option>
            <option value="ok">Calls go through</option>
          </Select>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="t-size">Per page</Label>
          <Select id="t-size" name="size" defaultValue={String(q.size)} className="sm:w-20">
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </Select>
        </div>
        <input type="hidden" name="sort" value={q.sort} />
        <input type="hidden" name="dir" value={q.dir} />
        <div className="col-span-2 flex gap-2">
          <Button type="submit" size="sm">
            Apply
          </Button>
          <Button asChild size="sm" variant="ghost">
            <Link href="/admin/tenants">Clear</Link>
          </Button>
        </div>
      </form>
      <TenantsDataTable rows={result.rows.map(tenantTableRow)} sort={q.sort} dir={q.dir} />
      <nav aria-label="Pages" className="mt-3 flex items-center justify-between text-sm">
        <span className="text-muted-foreground">
          Page {result.page} of {result.pages}
        </span>
        <span className="flex gap-2">
          {result.page > 1 ? (
            <Button asChild size="sm" variant="outline">
              <Link href={link(result.page - 1)}>Previous</Link>
            </Button>
          ) : null}
          {result.page < result.pages ? (
            <Button asChild size="sm" variant="outline">
              <Link href={link(result.page + 1)}>Next</Link>
            </Button>
          ) : null}
        </span>
      </nav>
    </>
  );
}
