import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireUser } from "@/lib/web/session";

const NAV = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/tenants", label: "Tenants" },
  { href: "/admin/decisions", label: "Decisions" },
  { href: "/admin/audit", label: "Audit log" },
];

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireUser({ area: "admin" });
  return (
    <AppShell area="Admin" home="/admin" nav={NAV} user={user}>
      {children}
    </AppShell>
  );
}
