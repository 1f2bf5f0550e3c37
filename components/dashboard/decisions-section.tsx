import Link from "next/link";
import type { ComponentProps } from "react";

import { DecisionTable } from "@/components/dashboard/decision-table";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { REFUSAL_CODES } from "@/lib/decisions/codes";

/** What lib/dashboard/load-decisions.ts loadTenantDecisions gives the page, passed through as props. */
type Props = {
  filter: { outcome: "all" | "allowed" | "refused"; code?: string; keyId?: string };
  rows: ComponentProps<typeof DecisionTable>["rows"];
  next: string | null;
  keys: Array<{ id: string; name: string; prefix: string }>;
  basePath?: string;
};

/** A tenant's decisions with outcome and code filters (a GET form: the filter is in the URL). */
export function DecisionsSection({ filter, rows, next, keys, basePath }: Props) {
  const qs = (extra: Record<string, string>) =>
    new URLSearchParams({
      ...(filter.outcome !== "all" ? { outcome: filter.outcome } : {}),
      ...(filter.code ? { code: filter.code } : {}),
      ...(filter.keyId ? { keyId: filter.keyId } : {}),
      ...extra,
    }).toString();
  return (
    <div className="grid gap-3">
      <form
        method="get"
        className="flex flex-wrap items-end gap-2"
        action={basePath ? `${basePath}#decisions` : "#decisions"}
      >
        <div className="grid gap-1">
          <Label htmlFor="dec-outcome">Outcome</Label>
          <Select id="dec-outcome" name="outcome" defaultValue={filter.outcome} className="h-8 w-32">
            <option value="all">All</option>
            <option value="allowed">Allowed</option>
            <option value="refused">Refused</option>
          </Select>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="dec-code">Refusal code</Label>
          <Select id="dec-code" name="code" defaultValue={filter.code ?? ""} className="h-8 w-52">
            <option value="">Any code</option>
            {REFUSAL_CODES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="dec-key">API key</Label>
          <Select id="dec-key" name="keyId" defaultValue={filter.keyId ?? ""} className="h-8 w-52">
            <option value="">Any key</option>
            {keys.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name} ({k.prefix}…)
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" size="sm" variant="outline">
          Filter
        </Button>
      </form>
      <DecisionTable
        rows={rows}
        emptyText="No decisions match. Calls to POST /api/v1/authorize are logged here, allowed or not."
      />
      {next ? (
        <Link
          className="text-sm underline-offset-2 hover:underline"
          href={`?${qs({ before: next })}#decisions`}
        >
          Older decisions →
        </Link>
      ) : null}
    </div>
  );
}
