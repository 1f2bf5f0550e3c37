import { Download } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";

/** Streamed CSV downloads; a tenant user's export is scoped to their tenant by the server anyway. */
export function ExportLinks({ tenantId }: { tenantId?: string }) {
  const q = tenantId ? `?tenantId=${encodeURIComponent(tenantId)}` : "";
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" aria-label="CSV exports">
      <span className="text-muted-foreground">Export CSV:</span>
      {(["usage", "ledger", "decisions"] as const).map((k) => (
        <a key={k} href={`/api/dashboard/export/${k}${q}`} className={buttonVariants({ variant: "outline", size: "sm" })} download>
          <Download aria-hidden className="size-3.5" /> {k}
        </a>
      ))}
    </div>
  );
}
