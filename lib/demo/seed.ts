// The demo data set: deterministic for a given `now` (same rows on every run), anchored to it so
// "expiring within 30 days" and "past due for 2 days" stay true whenever it is loaded.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { apiKeyPrefix, hashApiKey } from "@/lib/keys/api-key";
import { DEMO_ADMIN_EMAIL, DEMO_MEMBER_TENANT, DEMO_PASSWORD, DEMO_TENANTS, demoKeySecret, demoMemberEmail, demoOwnerEmail } from "@/lib/demo/accounts";
import { DEMO_MODELS, DEMO_PLANS, demoPlan } from "@/lib/demo/catalog";
import { generateUsage } from "@/lib/demo/usage";
import { dailyChargesOf, quotaRowsOf, rollupsOf } from "@/lib/demo/aggregates";
import { buildLedger } from "@/lib/demo/ledger";
import { demoBilling } from "@/lib/demo/billing";
import { allowedDecisions, refusalDecisions } from "@/lib/demo/decisions";
import { demoAudit } from "@/lib/demo/audit";
import { insertUsageEvents } from "@/lib/demo/insert-usage";

export type SeedSummary = { tenants: number; users: number; usageEvents: number; decisions: number; ledgerEntries: number };

const DAY_MS = 86_400_000;
const usd = (n: number) => BigInt(Math.round(n * 1_000_000));
export const tenantIdOf = (slug: string) => `tnt_${slug.replace(/-/g, "_")}`;
export const keyIdOf = (slug: string, kind = "active") => `key_${slug.replace(/-/g, "_")}${kind === "active" ? "" : `_${kind}`}`;

/** `days` of credit at the last 7 days' burn rate, in whole cents. */
function balanceFor(days: number, events: { cost: bigint; occurredAt: Date }[], now: Date): bigint {
  const since = now.getTime() - 7 * DAY_MS;
  const weekly = events.filter((e) => e.occurredAt.getTime() >= since).reduce((s, e) => s + e.cost, 0n);
  const micros = (weekly * BigInt(Math.round(days * 1000))) / 7_000n;
  return (micros / 10_000n) * 10_000n;
}

export async function seedDemo(prisma: PrismaClient, opts: { now?: Date } = {}): Promise<SeedSummary> {
  const now = opts.now ?? new Date();
  if ((await prisma.tenant.count()) > 0) throw new Error("the database already has tenants: demo data only goes into an empty database (npm run db:reset starts over)");
  const created = new Date(now.getTime() - 95 * DAY_MS);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids = (slug: string) => ({ tenantId: tenantIdOf(slug), apiKeyId: keyIdOf(slug) });
  const summary: SeedSummary = { tenants: DEMO_TENANTS.length, users: 0, usageEvents: 0, decisions: 0, ledgerEntries: 0 };

  await prisma.$transaction(async (tx) => {
    await tx.plan.createMany({ data: DEMO_PLANS.map((p) => ({ ...p, features: [...p.features], allowedModels: [...p.allowedModels], topUpAmounts: [...p.topUpAmounts], createdAt: created, updatedAt: created })) });
    await tx.model.createMany({ data: DEMO_MODELS.map((m) => ({ ...m, createdAt: created, updatedAt: created })) });
    await tx.tenant.createMany({
      data: DEMO_TENANTS.map((t) => ({
        id: tenantIdOf(t.slug), name: t.name, slug: t.slug, timeZone: t.timeZone, planId: demoPlan(t.plan).id, status: t.suspended ? "SUSPENDED" : "ACTIVE",
        stripeCustomerId: t.subscription?.manual || !t.subscription ? null : `cus_demo_${t.slug.replace(/-/g, "_")}`,
        dailySpendCap: t.dailySpendCapUsd === undefined ? null : usd(t.dailySpendCapUsd), createdAt: created, updatedAt: created,
      })),
    });
    const users = [
      { id: "usr_admin", email: DEMO_ADMIN_EMAIL, name: "Demo Admin", role: "ADMIN" as const, tenantId: null },
      ...DEMO_TENANTS.map((t) => ({ id: `usr_${t.slug}_owner`, email: demoOwnerEmail(t.slug), name: `${t.name} Owner`, role: "TENANT_OWNER" as const, tenantId: tenantIdOf(t.slug) })),
      { id: `usr_${DEMO_MEMBER_TENANT}_member`, email: demoMemberEmail(DEMO_MEMBER_TENANT), name: "Demo Member", role: "TENANT_MEMBER" as const, tenantId: tenantIdOf(DEMO_MEMBER_TENANT) },
    ];
    await tx.user.createMany({ data: users.map((u) => ({ ...u, passwordHash, createdAt: created, updatedAt: created })) });
    summary.users = users.length;

    for (const t of DEMO_TENANTS) {
      const tenantId = tenantIdOf(t.slug);
      const events = generateUsage(t, ids(t.slug), now);
      const keys = [{ kind: "active" as const, status: "ACTIVE" as const }, ...(t.extraKey ? [{ kind: t.extraKey, status: t.extraKey === "pending" ? ("PENDING_APPROVAL" as const) : ("REVOKED" as const) }] : [])];
      await tx.apiKey.createMany({
        data: keys.map(({ kind, status }) => {
          const secret = demoKeySecret(t.slug, kind);
          return {
            id: keyIdOf(t.slug, kind), tenantId, name: kind === "active" ? "Production" : kind === "pending" ? "Data team (new)" : "Old staging key",
            prefix: apiKeyPrefix(secret), hash: hashApiKey(secret), status, allowedModels: [],
            lastUsedAt: kind === "active" ? (events.at(-1)?.occurredAt ?? null) : null,
            approvedAt: status === "ACTIVE" ? created : null, approvedById: status === "ACTIVE" ? "usr_admin" : null,
            revokedAt: status === "REVOKED" ? new Date(now.getTime() - 3 * DAY_MS) : null, createdAt: created, updatedAt: created,
          };
        }),
      });
      await insertUsageEvents(tx, events);
      await tx.usageRollup.createMany({ data: rollupsOf(events, t.timeZone) });
      await tx.quotaUsage.createMany({ data: quotaRowsOf(events, t.timeZone, now) });

      const { entries, grants } = buildLedger(dailyChargesOf(events, t.timeZone, now), balanceFor(t.balanceDays, events, now), now);
      let balance = 0n;
      await tx.creditLedgerEntry.createMany({
        data: entries.map((e, i) => {
          balance += e.amount;
          const isTopUp = e.kind === "TOPUP";
          return {
            tenantId, kind: e.kind, amount: e.amount, balanceAfter: balance, reason: e.reason, createdAt: e.at,
            actorKind: isTopUp ? ("STRIPE" as const) : ("SYSTEM" as const), stripeObjectId: isTopUp ? `cs_demo_${t.slug.replace(/-/g, "_")}_${i}` : null,
            idempotencyKey: `demo:${t.slug}:${i}`,
          };
        }),
      });
      await tx.creditGrant.createMany({ data: grants.map((g, i) => ({ id: `grant_${t.slug}_${i}`, tenantId, amount: g.amount, remaining: g.remaining, source: g.source, priority: g.priority, createdAt: g.at })) });
      await tx.creditBalance.create({ data: { tenantId, available: balance, reserved: 0n, updatedAt: now } });

      const billing = demoBilling(t, tenantId, now);
      if (billing.subscription) await tx.subscription.create({ data: billing.subscription });
      if (billing.paymentMethods.length) await tx.paymentMethod.createMany({ data: billing.paymentMethods });
      if (billing.invoices.length) await tx.invoice.createMany({ data: billing.invoices });

      const decisions = allowedDecisions(events);
      await tx.decision.createMany({ data: decisions });
      summary.usageEvents += events.length;
      summary.decisions += decisions.length;
      summary.ledgerEntries += entries.length;
    }
    const refusals = refusalDecisions(now, ids);
    await tx.decision.createMany({ data: refusals });
    summary.decisions += refusals.length;
    await tx.auditLog.createMany({ data: demoAudit(now, tenantIdOf) });
  }, { timeout: 300_000, maxWait: 10_000 });
  return summary;
}
