// A few audit entries so the audit pages have history to show.
const DAY_MS = 86_400_000;

export function demoAudit(now: Date, tenantIdOf: (slug: string) => string) {
  const at = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return [
    { actorKind: "USER" as const, actorId: "usr_admin", tenantId: tenantIdOf("healthy"), action: "credits.grant", targetType: "Tenant", targetId: tenantIdOf("healthy"), before: { available: "0" }, after: { granted: "5000000" }, ip: "127.0.0.1", createdAt: at(90) },
    { actorKind: "USER" as const, actorId: "usr_admin", tenantId: tenantIdOf("suspended"), action: "tenant.suspend", targetType: "Tenant", targetId: tenantIdOf("suspended"), before: { status: "ACTIVE" }, after: { status: "SUSPENDED" }, ip: "127.0.0.1", createdAt: at(4) },
    { actorKind: "USER" as const, actorId: "usr_revoked-key_owner", tenantId: tenantIdOf("revoked-key"), action: "api_key.revoke", targetType: "ApiKey", targetId: "key_revoked_key_revoked", before: { status: "ACTIVE" }, after: { status: "REVOKED" }, ip: "203.0.113.7", createdAt: at(3) },
    { actorKind: "STRIPE" as const, actorId: null, tenantId: tenantIdOf("past-due-expired"), action: "subscription.past_due", targetType: "Subscription", targetId: "subrow_past-due-expired", before: { status: "active" }, after: { status: "past_due" }, ip: null, causeId: "evt_demo_past_due_expired", createdAt: at(10) },
    { actorKind: "USER" as const, actorId: "usr_budget-capped_owner", tenantId: tenantIdOf("budget-capped"), action: "tenant.spend_cap", targetType: "Tenant", targetId: tenantIdOf("budget-capped"), before: { dailySpendCap: null }, after: { dailySpendCap: "1000000" }, ip: "198.51.100.4", createdAt: at(1) },
  ];
}
