import { PriceChangeDialog } from "@/components/admin/price-change-dialog";
import { ConfirmAction } from "@/components/dashboard/confirm-action";
import { LocalTime } from "@/components/dashboard/local-time";
import { Badge } from "@/components/ui/badge";
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
import type { CatalogRow } from "@/lib/dashboard/load-models";
import { formatCount } from "@/lib/format/numbers";
import type { ActionState } from "@/lib/forms/action-state";
import { formatPriceMicros } from "@/lib/money/format";

type Action = (p: ActionState, fd: FormData) => Promise<ActionState>;

/** The catalog with the price in force per million tokens, what is scheduled, and the row actions. */
export function ModelsTable({
  models,
  changePrice,
  deactivate,
}: {
  models: CatalogRow[];
  changePrice: Action;
  deactivate: Action;
}) {
  return (
    <Table variant="cards" label="Models" data-testid="models-table">
      <TableHeader>
        <TableRow>
          <TableHead>Model</TableHead>
          <TableHead>Status</TableHead>
          <TableHead numeric>Input / 1M</TableHead>
          <TableHead numeric hideBelow="md">
            Cached / 1M
          </TableHead>
          <TableHead numeric>Output / 1M</TableHead>
          <TableHead numeric hideBelow="md">
            Per call
          </TableHead>
          <TableHead numeric hideBelow="lg">
            Max output
          </TableHead>
          <TableHead hideBelow="sm">Scheduled</TableHead>
          <TableActionsHead />
        </TableRow>
      </TableHeader>
      <TableBody>
        {models.map((m) => (
          <TableRow key={m.id} data-testid={`model-${m.id}`}>
            <TableCell>
              <div className="font-medium">{m.displayName}</div>
              <code className="text-xs text-muted-foreground">{m.id}</code>
              <span className="text-xs text-muted-foreground"> · {m.provider}</span>
            </TableCell>
            <TableCell label="Status">
              {m.active ? <Badge tone="ok">Active</Badge> : <Badge tone="muted">Withdrawn</Badge>}
            </TableCell>
            <TableCell numeric label="Input / 1M">
              {formatPriceMicros(m.current.inputPrice)}
            </TableCell>
            <TableCell numeric hideBelow="md">
              {formatPriceMicros(m.current.cachedInputPrice)}
            </TableCell>
            <TableCell numeric label="Output / 1M">
              {formatPriceMicros(m.current.outputPrice)}
            </TableCell>
            <TableCell numeric hideBelow="md">
              {m.current.requestPrice === null ? "—" : formatPriceMicros(m.current.requestPrice)}
            </TableCell>
            <TableCell numeric hideBelow="lg">
              {m.maxOutputTokens === null ? "—" : `${formatCount(m.maxOutputTokens)} tokens`}
            </TableCell>
            <TableCell hideBelow="sm" className="text-xs">
              {m.next ? (
                <>
                  {formatPriceMicros(m.next.inputPrice)} / {formatPriceMicros(m.next.outputPrice)} from{" "}
                  <LocalTime at={m.next.effectiveFrom} timeZone="UTC" />
                </>
              ) : (
                <span className="text-muted-foreground">—</span>
              )}
            </TableCell>
            <TableActionsCell>
              <PriceChangeDialog
                action={changePrice}
                model={{ id: m.id, displayName: m.displayName }}
                current={m.current}
              />
              {m.active ? (
                <ConfirmAction
                  action={deactivate}
                  form="modelId"
                  fields={{ modelId: m.id }}
                  label="Withdraw"
                  title={`Withdraw ${m.displayName}?`}
                  description={`Authorize will refuse ${m.id} with model_not_allowed. Usage already incurred on it is still charged, and its price history stays. The change is written to the audit log.`}
                  destructive
                />
              ) : null}
            </TableActionsCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
