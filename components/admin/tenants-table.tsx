import { Badge } from "@/components/ui/badge";
import { Money } from "@/components/money";
import { SubscriptionBadge } from "@/components/subscription-badge";

type Row = {
  id: string; name: string; slug: string; status: "ACTIVE" | "SUSPENDED"; timeZone: string;
  plan: { name: string }; creditBalance: { available: bigint; reserved: bigint } | null; subscriptions: { status: string }[];
};

export function TenantsTable({ tenants }: { tenants: Row[] }) {
  if (tenants.length === 0) {
    return <p className="rounded-lg border border-dashed border-border p-8 text-center text-sm text-muted-foreground">No tenants yet. Create one with the admin API (POST /api/v1/admin/tenants).</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-border">
      <table className="w-full text-sm" data-testid="tenants-table">
        <thead className="bg-muted/60 text-left text-xs uppercase tracking-wide text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Tenant</th>
            <th scope="col" className="px-3 py-2 font-medium">Plan</th>
            <th scope="col" className="px-3 py-2 font-medium">Subscription</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Balance</th>
            <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">Time zone</th>
          </tr>
        </thead>
        <tbody>
          {tenants.map((t) => (
            <tr key={t.id} className="border-t border-border">
              <td className="px-3 py-2">
                <div className="font-medium">{t.name}</div>
                <div className="flex items-center gap-1 text-xs text-muted-foreground">
                  {t.slug} {t.status === "SUSPENDED" ? <Badge tone="muted">Suspended</Badge> : null}
                </div>
              </td>
              <td className="px-3 py-2">{t.plan.name}</td>
              <td className="px-3 py-2"><SubscriptionBadge status={t.subscriptions[0]?.status} /></td>
              <td className="px-3 py-2 text-right"><Money micros={t.creditBalance?.available ?? 0n} /></td>
              <td className="hidden px-3 py-2 text-muted-foreground sm:table-cell">{t.timeZone}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
