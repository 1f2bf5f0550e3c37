import { ConfirmAction } from "@/components/dashboard/confirm-action";
import { CreateKeyForm } from "@/components/dashboard/create-key-form";
import { LocalTime } from "@/components/dashboard/local-time";
import { Money } from "@/components/money";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
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
        <div className="overflow-x-auto rounded-lg border border-border">
          <table className="w-full text-sm" data-testid="keys-table">
            <thead className="bg-muted/60 text-left text-xs tracking-wide text-muted-foreground uppercase">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Key
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Status
                </th>
                <th scope="col" className="hidden px-3 py-2 font-medium md:table-cell">
                  Limits
                </th>
                <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">
                  Last used
                </th>
                {approve || revoke ? (
                  <th scope="col" className="px-3 py-2 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id} className="border-t border-border">
                  <td className="px-3 py-2">
                    <div className="font-medium">{k.name}</div>
                    <code className="text-xs text-muted-foreground">{k.prefix}…</code>
                    <div className="text-xs text-muted-foreground">
                      created <LocalTime at={k.createdAt} timeZone={timeZone} />
                    </div>
                  </td>
                  <td className="px-3 py-2">{STATUS[k.status]}</td>
                  <td className="hidden px-3 py-2 text-xs text-muted-foreground md:table-cell">
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
                  </td>
                  <td className="hidden px-3 py-2 text-xs sm:table-cell">
                    {k.lastUsedAt ? <LocalTime at={k.lastUsedAt} timeZone={timeZone} /> : "never"}
                  </td>
                  {approve || revoke ? (
                    <td className="px-3 py-2">
                      <div className="flex flex-wrap justify-end gap-2">
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
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
