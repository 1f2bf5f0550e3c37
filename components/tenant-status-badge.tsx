import { Badge } from "@/components/ui/badge";

/** An admin's suspension refuses every call (red); otherwise the tenant is active (green). */
export function TenantStatusBadge({ status }: { status: "ACTIVE" | "SUSPENDED" }) {
  return status === "SUSPENDED" ? <Badge tone="bad">Suspended</Badge> : <Badge tone="ok">Active</Badge>;
}
