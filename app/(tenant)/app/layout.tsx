import type { ReactNode } from "react";

import { AppShell } from "@/components/shell/app-shell";
import { tenantProfile } from "@/lib/tenants/queries";
import { requireUser } from "@/lib/web/session";

const NAV = [
  { href: "/app", label: "Home" },
  { href: "/app/usage", label: "Usage" },
  { href: "/app/keys", label: "API keys" },
  { href: "/app/decisions", label: "Decisions" },
  { href: "/app/alerts", label: "Alerts" },
  { href: "/app/billing", label: "Billing" },
];

export default async function TenantLayout({ children }: { children: ReactNode }) {
  const user = await requireUser({ area: "tenant" });
  const tenant = await tenantProfile(user.tenantId);
  return (
    <AppShell area="Tenant" home="/app" nav={NAV} user={user} context={tenant.name}>
      {children}
    </AppShell>
  );
}
