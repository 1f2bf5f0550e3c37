import Link from "next/link";

import { DecisionTable } from "@/components/dashboard/decision-table";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { decisionFilterSchema, listDecisions } from "@/lib/dashboard/decision-log";
import { decisionView } from "@/lib/dashboard/decision-view";
import { prisma } from "@/lib/db";
import { REFUSAL_CODES } from "@/lib/decisions/codes";
import { tenantScope } from "@/lib/tenants/scope";

/** A tenant's decisions with outcome and code filters (a GET form: the filter is in the URL). */
export async function DecisionsSection({
  tenantId,
  timeZone,
  searchParams,
  basePath,
}: {
  tenantId: string;
  timeZone: string;
  searchParams: Record<string, string | string[] | undefined>;
  basePath?: string;
}) {
  const filter = decisionFilterSchema.parse(searchParams);
  const [{ rows, next }, keys] = await Promise.all([
    listDecisions(prisma, filter, { scopeTenantId: tenantId, pageSize: 20 }),
    prisma.apiKey.findMany({
      where: tenantScope(tenantId),
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true, prefix: true },
    }),
  ]);
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
        rows={rows.map((d) => decisionView(d, timeZone))}
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
