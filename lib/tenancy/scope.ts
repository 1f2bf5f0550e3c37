// The one place that builds the `where` clause for tenant-owned rows. Every query that reads or
// writes tenant data goes through it, so tenancy can be audited here.
export type TenantScope = { tenantId: string };

export function tenantScope(tenantId: string): TenantScope {
  if (!tenantId) throw new Error("tenantScope needs a tenant id");
  return { tenantId };
}
