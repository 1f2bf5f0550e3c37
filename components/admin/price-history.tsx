import { LocalTime } from "@/components/dashboard/local-time";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CatalogRow, PriceRow } from "@/lib/dashboard/load-models";
import { formatPriceMicros } from "@/lib/money/format";

const TONE: Record<PriceRow["state"], BadgeTone> = { "in force": "ok", scheduled: "warn", past: "muted" };

/** Every price version of one model, newest first, collapsed until opened. Times in UTC. */
export function PriceHistory({ model }: { model: CatalogRow }) {
  const n = model.history.length;
  return (
    <details className="rounded-lg border border-border" data-testid={`history-${model.id}`}>
      <summary className="cursor-pointer px-3 py-2 text-sm">
        <span className="font-medium">{model.displayName}</span>{" "}
        <span className="text-muted-foreground">
          — {n} price version{n === 1 ? "" : "s"}
        </span>
      </summary>
      <div className="p-2">
        <Table variant="cards" label={`Price history of ${model.displayName}`} containerClassName="border-0">
          <TableHeader>
            <TableRow>
              <TableHead>Effective from (UTC)</TableHead>
              <TableHead>State</TableHead>
              <TableHead numeric>Input / 1M</TableHead>
              <TableHead numeric hideBelow="md">
                Cached / 1M
              </TableHead>
              <TableHead numeric>Output / 1M</TableHead>
              <TableHead numeric hideBelow="md">
                Per call
              </TableHead>
              <TableHead hideBelow="sm">By</TableHead>
              <TableHead hideBelow="lg">Note</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {model.history.map((v) => (
              <TableRow key={v.effectiveFrom.toISOString()}>
                <TableCell>
                  {v.effectiveFrom.getTime() === 0 ? (
                    "Always (since the catalog began)"
                  ) : (
                    <LocalTime at={v.effectiveFrom} timeZone="UTC" />
                  )}
                </TableCell>
                <TableCell label="State">
                  <Badge tone={TONE[v.state]}>{v.state}</Badge>
                </TableCell>
                <TableCell numeric label="Input / 1M">
                  {formatPriceMicros(v.inputPrice)}
                </TableCell>
                <TableCell numeric hideBelow="md">
                  {formatPriceMicros(v.cachedInputPrice)}
                </TableCell>
                <TableCell numeric label="Output / 1M">
                  {formatPriceMicros(v.outputPrice)}
                </TableCell>
                <TableCell numeric hideBelow="md">
                  {v.requestPrice === null ? "—" : formatPriceMicros(v.requestPrice)}
                </TableCell>
                <TableCell hideBelow="sm" className="text-xs">
                  {v.createdBy.toLowerCase().replace("_", " ")} ·{" "}
                  <LocalTime at={v.createdAt} timeZone="UTC" />
                </TableCell>
                <TableCell hideBelow="lg" className="text-xs text-muted-foreground">
                  {v.note ?? "—"}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </details>
  );
}
