import type { ReactNode } from "react";

import { AppShell } from "@/components/shell/app-shell";
import { prisma } from "@/lib/db";
import { tenantScope } from "@/lib/tenants/scope";
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
  const tenant = await prisma.tenant.findUniqueOrThrow({
    where: { id: tenantScope(user.tenantId).tenantId },
    select: { name: true },
  });
  return (
    <AppShell area="Tenant" home="/app" nav={NAV} user={user} context={tenant.name}>
      {children}
    </AppShell>
  );
}
