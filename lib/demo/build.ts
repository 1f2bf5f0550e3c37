// The whole demo data set as plain rows, computed without a database: the same `now` gives the
// same rows (every random choice comes from a PRNG seeded per tenant). seed.ts only inserts them.
import {
  DEMO_ADMIN_EMAIL,
  DEMO_MEMBER_TENANT,
  DEMO_TENANTS,
  demoKeySecret,
  demoMemberEmail,
  demoOwnerEmail,
  type DemoTenant,
} from "@/lib/demo/accounts";
import { demoAudit } from "@/lib/demo/audit";
import { DEMO_PLANS, demoCatalogAt, demoModelRows, demoPriceRows } from "@/lib/demo/catalog";
import { allowedDecisions, refusalDecisions } from "@/lib/demo/decisions";
import { DEMO_ADMIN_ID, keyIdOf, ownerIdOf, tenantIdOf, type DemoKeyKind } from "@/lib/demo/ids";
import type { DemoTenantState } from "@/lib/demo/snapshot";
import { tenantRows } from "@/lib/demo/tenant-rows";
import type { Timeline } from "@/lib/demo/timeline";
import { apiKeyPrefix, hashApiKey } from "@/lib/keys/api-key";

const KEY_NAMES: Record<DemoKeyKind, string> = {
  active: "Production",
  pending: "Data team (new)",
  revoked: "Old staging key",
};

function keysOf(t: DemoTenant, tl: Timeline, lastUse: Map<string, Date>) {
  const kinds: DemoKeyKind[] = ["active", ...(t.extraKey ? [t.extraKey] : [])];
  return kinds.map((kind) => {
    const secret = demoKeySecret(t.slug, kind);
    const id = keyIdOf(t.slug, kind);
    const createdAt = kind === "pending" ? tl.extraKeyAt! : tl.signedUpAt;
    const approved = kind !== "pending";
    return {
      id,
      tenantId: tenantIdOf(t.slug),
      name: KEY_NAMES[kind],
      prefix: apiKeyPrefix(secret),
      hash: hashApiKey(secret),
      status:
        kind === "active"
          ? ("ACTIVE" as const)
          : kind === "pending"
            ? ("PENDING_APPROVAL" as const)
            : ("REVOKED" as const),
      allowedModels: [],
      lastUsedAt: lastUse.get(id) ?? null,
      approvedAt: approved ? createdAt : null,
      approvedById: approved ? DEMO_ADMIN_ID : null,
      revokedAt: kind === "revoked" ? tl.extraKeyAt : null,
      createdAt,
      updatedAt: kind === "revoked" ? tl.extraKeyAt! : createdAt,
    };
  });
}

export function buildDemo(now: Date, appUrl = "") {
  const catalogAt = demoCatalogAt(now);
  const perTenant = DEMO_TENANTS.map((t) => tenantRows(t, now));
  const states = new Map<string, DemoTenantState>(perTenant.map((r) => [r.state.tenant.slug, r.state]));
  const decisions = [
    ...perTenant.flatMap((r) => allowedDecisions(r.state, appUrl)),
    ...refusalDecisions(states, now, appUrl),
  ];

  // A key was last used by its latest call or decision (authorize touches it even when refusing).
  const lastUse = new Map<string, Date>();
  for (const { apiKeyId, at } of [
    ...perTenant.flatMap((r) => r.usageEvents.map((e) => ({ apiKeyId: e.apiKeyId, at: e.occurredAt }))),
    ...decisions.map((d) => ({ apiKeyId: d.apiKeyId, at: d.createdAt })),
  ]) {
    if (apiKeyId && at > (lastUse.get(apiKeyId) ?? new Date(0))) lastUse.set(apiKeyId, at);
  }

  const healthy = perTenant.find((r) => r.state.tenant.slug === DEMO_MEMBER_TENANT)!;
  const users = [
    {
      id: DEMO_ADMIN_ID,
      email: DEMO_ADMIN_EMAIL,
      name: "Demo Admin",
      role: "ADMIN" as const,
      tenantId: null,
      createdAt: catalogAt,
    },
    ...perTenant.map(({ state: s }) => ({
      id: ownerIdOf(s.tenant.slug),
      email: demoOwnerEmail(s.tenant.slug),
      name: `${s.tenant.name} Owner`,
      role: "TENANT_OWNER" as const,
      tenantId: s.tenantId,
      createdAt: s.timeline.signedUpAt,
    })),
    {
      id: `usr_${DEMO_MEMBER_TENANT}_member`,
      email: demoMemberEmail(DEMO_MEMBER_TENANT),
      name: "Demo Member",
      role: "TENANT_MEMBER" as const,
      tenantId: healthy.state.tenantId,
      createdAt: healthy.state.timeline.signedUpAt,
    },
  ];

  return {
    plans: DEMO_PLANS.map((p) => ({
      ...p,
      features: [...p.features],
      allowedModels: [...p.allowedModels],
      topUpAmounts: [...p.topUpAmounts],
      createdAt: catalogAt,
      updatedAt: catalogAt,
    })),
    models: demoModelRows(catalogAt),
    modelPrices: demoPriceRows(now, catalogAt, DEMO_ADMIN_ID),
    tenants: perTenant.map((r) => r.tenant),
    users: users.map((u) => ({ ...u, updatedAt: u.createdAt })),
    apiKeys: perTenant.flatMap((r) => keysOf(r.state.tenant, r.state.timeline, lastUse)),
    usageEvents: perTenant.flatMap((r) => r.usageEvents),
    rollups: perTenant.flatMap((r) => r.rollups),
    quotaUsages: perTenant.flatMap((r) => r.quotaUsages),
    ledgerEntries: perTenant.flatMap((r) => r.ledgerEntries),
    grants: perTenant.flatMap((r) => r.grants),
    balances: perTenant.map((r) => r.balance),
    subscriptions: perTenant.flatMap((r) => (r.subscription ? [r.subscription] : [])),
    paymentMethods: perTenant.flatMap((r) => r.paymentMethods),
    invoices: perTenant.flatMap((r) => r.invoices),
    decisions,
    audit: perTenant.flatMap((r) => demoAudit(r.state.tenant, r.state.timeline)),
  };
}

export type DemoRows = ReturnType<typeof buildDemo>;
