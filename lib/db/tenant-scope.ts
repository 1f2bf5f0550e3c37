// The one place that builds the `where` clause for tenant-owned rows. Every query that reads or
// writes tenant data goes through it, so tenancy can be audited here.
export type TenantScope = { tenantId: string };

export function tenantScope(tenantId: string): TenantScope {
  if (!tenantId) throw new Error("tenantScope needs a tenant id");
  return { tenantId };
}

/**
 * The filter of a view that admins see unscoped: a tenant's own view passes `own` (the session's
 * tenant), which overrides any tenant id `requested` in the URL; an admin's view filters by
 * `requested` when given and sees every tenant otherwise.
 */
export function viewScope(own: string | undefined, requested?: string): TenantScope | Record<string, never> {
  const id = own ?? requested;
  return id ? tenantScope(id) : {};
}

/**
 * The same rule for raw SQL: `condition` restricts `column` to the tenant ids bound at
 * `placeholder` (as a text[]), and `value` is what to bind there — null only when unscoped (an
 * admin's view of every tenant). An empty list matches no tenant, never all of them.
 */
export function sqlTenantScope(column: string, placeholder: string) {
  return {
    condition: `(${placeholder}::text[] IS NULL OR ${column} = ANY(${placeholder}::text[]))`,
    value: (tenantIds: readonly string[] | undefined): string[] | null =>
      tenantIds ? tenantIds.map((id) => tenantScope(id).tenantId) : null,
  };
}
