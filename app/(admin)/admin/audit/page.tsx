import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";

import { AuditTable } from "@/components/audit/audit-table";
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
        <AuditTable entries={page} timeZone="UTC" label="Audit log" data-testid="audit-log" acrossTenants />
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
