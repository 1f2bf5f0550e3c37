import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";

import { LocalTime } from "@/components/dashboard/local-time";
import { PageHeader } from "@/components/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { loadAuditLog } from "@/lib/audit/load-audit-log";
import { requireUser } from "@/lib/web/session";

export const metadata: Metadata = { title: "Audit log" };

const query = z.object({
  before: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional()
    .catch(undefined),
  action: z.string().max(64).optional().catch(undefined),
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// /admin/audit – every recorded change, newest first (paged by id).
export default async function AuditPage({ searchParams }: Props) {
  await requireUser({ area: "admin" });
  const q = query.parse(await searchParams);
  const { page, next } = await loadAuditLog(q);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change by an admin, a tenant owner, Stripe or the system. Times in UTC."
      />
      {page.length === 0 ? (
        <EmptyState>
          No changes recorded yet. Grants, plan changes, key approvals and Stripe updates appear here.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-border">
          <table className="w-full text-sm" data-testid="audit-log">
            <thead className="bg-muted/60 text-left text-xs tracking-wide text-muted-foreground uppercase">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Time (UTC)
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Action
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Tenant
                </th>
                <th scope="col" className="hidden px-3 py-2 font-medium md:table-cell">
                  Change
                </th>
                <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">
                  By
                </th>
              </tr>
            </thead>
            <tbody>
              {page.map((a) => (
                <tr key={a.id.toString()} className="border-t border-border">
                  <td className="px-3 py-2 text-xs">
                    <LocalTime at={a.createdAt} timeZone="UTC" />
                  </td>
                  <td className="px-3 py-2">
                    <Link
                      href={`?action=${encodeURIComponent(a.action)}`}
                      className="underline-offset-2 hover:underline"
                    >
                      <code className="text-xs">{a.action}</code>
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    {a.tenantId ? (
                      <Link
                        href={`/admin/tenants/${a.tenantId}`}
                        className="underline-offset-2 hover:underline"
                      >
                        {a.tenant?.name ?? a.tenantId}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td
                    className="hidden max-w-md truncate px-3 py-2 text-xs text-muted-foreground md:table-cell"
                    title={JSON.stringify(a.after)}
                  >
                    {a.before ? `${JSON.stringify(a.before)} → ` : ""}
                    {JSON.stringify(a.after)}
                  </td>
                  <td className="hidden px-3 py-2 text-xs sm:table-cell">
                    {a.actorKind.toLowerCase().replace("_", " ")}
                    {a.ip ? ` · ${a.ip}` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next ? (
        <Link
          className="mt-3 inline-block text-sm underline-offset-2 hover:underline"
          href={`?${new URLSearchParams({ ...(q.action ? { action: q.action } : {}), before: next })}`}
        >
          Older entries →
        </Link>
      ) : null}
    </>
  );
}
