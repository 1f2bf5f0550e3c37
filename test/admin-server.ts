// Tests only: every /api/v1/admin route served over real HTTP on a fresh migrated database, with
// TOLLGATE_ADMIN_TOKEN set (or unset, to prove the API is then absent). The env is read once per
// process, and Vitest gives each test file its own module registry, so one file = one setting.
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { serveRoutes } from "@/test/serve-route";

export const ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

export type AdminServer = {
  db: TestDatabase;
  url: string;
  /** A request with the admin token (override or drop it with `headers.Authorization`). */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
};

export async function startAdminServer(
  label: string,
  opts: { token?: string | null } = {},
): Promise<AdminServer> {
  const db = await createTestDatabase(label);
  process.env.DATABASE_URL = db.url;
  if (opts.token === null) delete process.env.TOLLGATE_ADMIN_TOKEN;
  else process.env.TOLLGATE_ADMIN_TOKEN = opts.token ?? ADMIN_TOKEN;
  const server = await serveRoutes((pattern) => pattern.startsWith("/api/v1/admin/"));
  return {
    db,
    url: server.url,
    call: (method, path, body, headers = {}) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${ADMIN_TOKEN}`,
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
          ...headers,
        },
        body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      }),
    close: async () => {
      await server.close();
      const { prisma } = await import("@/lib/db");
      await prisma.$disconnect();
      await db.drop();
    },
  };
}

/** Row counts of every table an admin call may write: equal before and after = nothing written. */
export async function rowCounts(db: TestDatabase) {
  const p = db.prisma;
  const [
    plans,
    models,
    modelPrices,
    tenants,
    balances,
    keys,
    subscriptions,
    ledger,
    grants,
    rollups,
    quotas,
    audit,
    alertRules,
    ruleChannels,
    alertEvents,
    channels,
    deliveries,
    attempts,
  ] = await Promise.all([
    p.plan.count(),
    p.model.count(),
    p.modelPrice.count(),
    p.tenant.count(),
    p.creditBalance.count(),
    p.apiKey.count(),
    p.subscription.count(),
    p.creditLedgerEntry.count(),
    p.creditGrant.count(),
    p.usageRollup.count(),
    p.quotaUsage.count(),
    p.auditLog.count(),
    p.alertRule.count(),
    p.alertRuleChannel.count(),
    p.alertEvent.count(),
    p.notificationChannel.count(),
    p.notificationDelivery.count(),
    p.notificationAttempt.count(),
  ]);
  const updated = await p.$queryRaw<Array<{ t: Date | null }>>`
    SELECT max(m) AS t FROM (SELECT max("updatedAt") AS m FROM "Tenant" UNION ALL SELECT max("updatedAt") FROM "Plan" UNION ALL SELECT max("updatedAt") FROM "Model"
      UNION ALL SELECT max("updatedAt") FROM "ApiKey" UNION ALL SELECT max("updatedAt") FROM "CreditBalance" UNION ALL SELECT max("updatedAt") FROM "Subscription"
      UNION ALL SELECT max("updatedAt") FROM "AlertRule" UNION ALL SELECT max("updatedAt") FROM "NotificationChannel"
      UNION ALL SELECT max("updatedAt") FROM "NotificationDelivery") x`;
  return {
    plans,
    models,
    modelPrices,
    tenants,
    balances,
    keys,
    subscriptions,
    ledger,
    grants,
    rollups,
    quotas,
    audit,
    alertRules,
    ruleChannels,
    alertEvents,
    channels,
    deliveries,
    attempts,
    lastUpdate: updated[0]?.t?.toISOString() ?? null,
  };
}
