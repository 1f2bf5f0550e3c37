import Link from "next/link";

import { LocalTime } from "@/components/dashboard/local-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ActorKind } from "@/lib/generated/prisma/enums";

/** An audit row as both loaders read it (the log across tenants adds the tenant's name). */
export type AuditEntry = {
  id: bigint;
  createdAt: Date;
  action: string;
  actorKind: ActorKind;
  before: unknown;
  after: unknown;
  ip: string | null;
  causeId: string | null;
  tenantId: string | null;
  tenant?: { name: string } | null;
};

type Props = {
  entries: AuditEntry[];
  timeZone: string;
  label: string;
  "data-testid": string;
  /**
   * The log across tenants (/admin/audit): a Tenant column, each action a link to the log
   * filtered by it, and By left to wider screens so the phone keeps time, action and tenant.
   */
  acrossTenants?: boolean;
};

/** Recorded changes, newest first: the global audit log and a tenant's audit trail. */
export function AuditTable({
  entries,
  timeZone,
  label,
  "data-testid": testId,
  acrossTenants = false,
}: Props) {
  return (
    <Table variant="cards" label={label} data-testid={testId}>
      <TableHeader>
        <TableRow>
          <TableHead>Time ({timeZone})</TableHead>
          <TableHead>Action</TableHead>
          {acrossTenants ? <TableHead>Tenant</TableHead> : null}
          <TableHead hideBelow="md">Change</TableHead>
          <TableHead hideBelow={acrossTenants ? "sm" : undefined}>By</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((a) => (
          <TableRow key={a.id.toString()}>
            <TableCell className="text-xs">
              <LocalTime at={a.createdAt} timeZone={timeZone} />
            </TableCell>
            <TableCell label="Action">
              {acrossTenants ? (
                <Link
                  href={`?action=${encodeURIComponent(a.action)}`}
                  className="underline-offset-2 hover:underline"
                >
                  <code className="text-xs">{a.action}</code>
                </Link>
              ) : (
                <code className="text-xs">{a.action}</code>
              )}
            </TableCell>
            {acrossTenants ? (
              <TableCell label="Tenant">
                {a.tenantId ? (
                  <Link href={`/admin/tenants/${a.tenantId}`} className="underline-offset-2 hover:underline">
                    {a.tenant?.name ?? a.tenantId}
                  </Link>
                ) : (
                  "—"
                )}
              </TableCell>
            ) : null}
            <TableCell
              hideBelow="md"
              className="max-w-md truncate text-xs text-muted-foreground"
              title={JSON.stringify(a.after)}
            >
              {a.before ? `${JSON.stringify(a.before)} → ` : ""}
              {JSON.stringify(a.after)}
            </TableCell>
            <TableCell hideBelow={acrossTenants ? "sm" : undefined} label="By" className="text-xs">
              {a.actorKind.toLowerCase().replace("_", " ")}
              {a.ip ? ` · ${a.ip}` : ""}
              {a.causeId ? ` (${a.causeId})` : ""}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
