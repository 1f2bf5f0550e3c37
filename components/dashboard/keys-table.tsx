import { ConfirmAction } from "@/components/dashboard/confirm-action";
import { CreateKeyForm } from "@/components/dashboard/create-key-form";
import { LocalTime } from "@/components/dashboard/local-time";
import { Money } from "@/components/money";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import {
  Table,
  TableActionsCell,
  TableActionsHead,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { ActionState } from "@/lib/forms/action-state";

type Action = (p: ActionState, fd: FormData) => Promise<ActionState>;
type Key = {
  id: string;
  name: string;
  prefix: string;
  status: "ACTIVE" | "PENDING_APPROVAL" | "REVOKED";
  allowedModels: string[];
  dailySpendCap: bigint | null;
  monthlySpendCap: bigint | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const STATUS = {
  ACTIVE: <Badge tone="ok">Active</Badge>,
  PENDING_APPROVAL: <Badge tone="warn">Awaiting approval</Badge>,
  REVOKED: <Badge tone="muted">Revoked</Badge>,
};

/** A tenant's keys. Actions present = allowed for this viewer (the actions check the role again). */
export function KeysTable({
  keys,
  timeZone,
  create,
  approve,
  revoke,
  allowApprovalChoice = false,
}: {
  keys: Key[];
  timeZone: string;
  create?: Action;
  approve?: Action;
  revoke?: Action;
  allowApprovalChoice?: boolean;
}) {
  return (
    <div className="grid gap-3">
      {create ? (
        <div>
          <CreateKeyForm action={create} allowApprovalChoice={allowApprovalChoice} />
        </div>
      ) : null}
      {keys.length === 0 ? (
        <EmptyState>
          No API keys yet.{" "}
          {create ? "Create one to start calling the API." : "The account owner can create one."}
        </EmptyState>
      ) : (
        <Table variant="cards" label="API keys" data-testid="keys-table">
          <TableHeader>
            <TableRow>
              <TableHead>Key</TableHead>
              <TableHead>Status</TableHead>
              <TableHead hideBelow="md">Limits</TableHead>
              <TableHead hideBelow="sm">Last used</TableHead>
              {approve || revoke ? <TableActionsHead /> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {keys.map((k) => (
              <TableRow key={k.id}>
                <TableCell>
                  <div className="font-medium">{k.name}</div>
                  <code className="text-xs text-muted-foreground">{k.prefix}…</code>
                  <div className="text-xs text-muted-foreground">
                    created <LocalTime at={k.createdAt} timeZone={timeZone} />
                  </div>
                </TableCell>
                <TableCell label="Status">{STATUS[k.status]}</TableCell>
                <TableCell hideBelow="md" className="text-xs text-muted-foreground">
                  {k.allowedModels.length ? k.allowedModels.join(", ") : "plan's models"}
                  {k.dailySpendCap !== null ? (
                    <div>
                      daily cap <Money micros={k.dailySpendCap} />
                    </div>
                  ) : null}
                  {k.monthlySpendCap !== null ? (
                    <div>
                      monthly cap <Money micros={k.monthlySpendCap} />
                    </div>
                  ) : null}
                </TableCell>
                <TableCell hideBelow="sm" className="text-xs">
                  {k.lastUsedAt ? <LocalTime at={k.lastUsedAt} timeZone={timeZone} /> : "never"}
                </TableCell>
                {approve || revoke ? (
                  <TableActionsCell>
                    {approve && k.status === "PENDING_APPROVAL" ? (
                      <ConfirmAction
                        action={approve}
                        form="keyId"
                        fields={{ keyId: k.id }}
                        label="Approve"
                        variant="default"
                        title={`Approve ${k.name}?`}
                        description="The key can call the API at once."
                      />
                    ) : null}
                    {revoke && k.status !== "REVOKED" ? (
                      <ConfirmAction
                        action={revoke}
                        form="keyId"
                        fields={{ keyId: k.id }}
                        label="Revoke"
                        destructive
                        title={`Revoke ${k.name}?`}
                        description="Calls with this key are refused with key_revoked from now on. A revoked key cannot be restored."
                      />
                    ) : null}
                  </TableActionsCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
