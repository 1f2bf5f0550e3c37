// The export links' addresses: each CSV carries the filters of the page it was clicked on, so
// "export" means "export what I am looking at" — the chart's day range, and on decision pages
// the key, outcome and code. Filters a kind does not have are left off its link (the ledger has
// no key; only decisions have an outcome or a code).
import type { ExportKind } from "@/lib/dashboard/csv-export";

export type PageFilters = {
  tenantId?: string;
  /** The last `days` local days up to `today` (YYYY-MM-DD, in the tenant's zone). */
  days?: number;
  today?: string;
  keyId?: string;
  outcome?: string;
  code?: string;
};

const minusDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

export function exportHref(kind: ExportKind, f: PageFilters): string {
  const q = new URLSearchParams();
  if (f.tenantId) q.set("tenantId", f.tenantId);
  if (f.days && f.today) {
    q.set("from", minusDays(f.today, f.days - 1));
    q.set("to", f.today);
  }
  if (kind !== "ledger" && f.keyId) q.set("keyId", f.keyId);
  if (kind === "decisions" && f.outcome && f.outcome !== "all") q.set("outcome", f.outcome);
  if (kind === "decisions" && f.code) q.set("code", f.code);
  const s = q.toString();
  return `/api/dashboard/export/${kind}${s ? `?${s}` : ""}`;
}
