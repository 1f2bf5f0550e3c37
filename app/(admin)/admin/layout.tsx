import { Search } from "lucide-react";
import type { ReactNode } from "react";

import { AppShell } from "@/components/shell/app-shell";
import { requireUser } from "@/lib/web/session";

const NAV = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/tenants", label: "Tenants" },
  { href: "/admin/models", label: "Models" },
  { href: "/admin/decisions", label: "Decisions" },
  { href: "/admin/alerts", label: "Alerts" },
  { href: "/admin/stripe-events", label: "Stripe events" },
  { href: "/admin/audit", label: "Audit log" },
];

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireUser({ area: "admin" });
  return (
    <AppShell area="Admin" home="/admin" nav={NAV} user={user} search={<TenantSearch />}>
      {children}
    </AppShell>
  );
}

/**
 * The top bar's tenant search: a plain GET to the tenants table (works before hydration).
 * suppressHydrationWarning: test screenshots set an inline caret style on inputs, which React
 * would otherwise report as a mismatch when the screenshot lands before hydration.
 */
function TenantSearch() {
  return (
    <form method="get" action="/admin/tenants" role="search" className="relative">
      <label htmlFor="top-tenant-search" className="sr-only">
        Search tenants
      </label>
      <Search
        aria-hidden
        className="pointer-events-none absolute top-1/2 left-2 size-3.5 -translate-y-1/2 text-muted-foreground"
      />
      <input
        suppressHydrationWarning
        id="top-tenant-search"
        name="q"
        type="search"
        placeholder="Search tenants"
        className="h-8 w-52 rounded-md border border-border bg-background pr-2 pl-7 text-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
      />
    </form>
  );
}
