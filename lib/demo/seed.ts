// The demo data set: deterministic for a given `now` (same rows on every run), anchored to it so
// "expiring within 30 days" and "past due for 2 days" stay true whenever it is loaded. The rows
// are computed by buildDemo(); this file only checks the database is empty and inserts them in
// one transaction, so a failed seed leaves nothing behind.
import { afterWrite } from "@/lib/alerts/after-write";
import { defaultRulesFor } from "@/lib/alerts/defaults";
import { hashPassword } from "@/lib/auth/password";
import { prismaRunner } from "@/lib/db/sql-runner";
import { DEMO_PASSWORD } from "@/lib/demo/accounts";
import { buildDemo } from "@/lib/demo/build";
import { insertRows } from "@/lib/demo/insert-rows";
import { tableColumns } from "@/lib/demo/table-columns";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

export { keyIdOf, tenantIdOf } from "@/lib/demo/ids";

export type SeedSummary = {
  tenants: number;
  users: number;
  apiKeys: number;
  usageEvents: number;
  rollups: number;
  ledgerEntries: number;
  decisions: number;
  refusals: number;
};

export type SeedOptions = {
  /** The instant the story is told at (default: the real current time). */
  now?: Date;
  /** Base of the remedy links in decision details; "" (the default) keeps them relative. */
  appUrl?: string;
};

export class DatabaseNotEmptyError extends Error {
  constructor(tenants: number) {
    super(
      `the database already has ${tenants} tenant(s): demo data only goes into an empty database (npm run db:reset starts over)`,
    );
    this.name = "DatabaseNotEmptyError";
  }
}

export async function seedDemo(prisma: PrismaClient, opts: SeedOptions = {}): Promise<SeedSummary> {
  const now = opts.now ?? new Date();
  const existing = await prisma.tenant.count();
  if (existing > 0) throw new DatabaseNotEmptyError(existing);
  // argon2 is deliberately slow: one hash, shared by every demo user.
  const [rows, passwordHash] = await Promise.all([
    Promise.resolve().then(() => buildDemo(now, opts.appUrl)),
    hashPassword(DEMO_PASSWORD),
  ]);

  await prisma.$transaction(
    async (tx) => {
      // Another seed may have raced us between the count and here: the lock makes the loser wait,
      // and the second count makes it fail instead of duplicating.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tollgate:demo-seed'))`;
      const racing = await tx.tenant.count();
      if (racing > 0) throw new DatabaseNotEmptyError(racing);
      await tx.plan.createMany({ data: rows.plans });
      await tx.model.createMany({ data: rows.models });
      await tx.modelPrice.createMany({ data: rows.modelPrices });
      await tx.tenant.createMany({ data: rows.tenants });
      await tx.user.createMany({ data: rows.users.map((u) => ({ ...u, passwordHash })) });
      await tx.apiKey.createMany({ data: rows.apiKeys });
      await insertRows(tx, "UsageEvent", tableColumns.usageEvents, rows.usageEvents);
      await insertRows(tx, "UsageRollup", tableColumns.rollups, rows.rollups);
      await tx.quotaUsage.createMany({ data: rows.quotaUsages });
      await tx.creditGrant.createMany({ data: rows.grants });
      await insertRows(tx, "CreditLedgerEntry", tableColumns.ledgerEntries, rows.ledgerEntries);
      await tx.creditBalance.createMany({ data: rows.balances });
      await tx.subscription.createMany({ data: rows.subscriptions });
      await tx.paymentMethod.createMany({ data: rows.paymentMethods });
      await tx.invoice.createMany({ data: rows.invoices });
      await insertRows(tx, "Decision", tableColumns.decisions, rows.decisions);
      await tx.auditLog.createMany({
        data: rows.audit.map((a) => ({
          ...a,
          before: a.before as Prisma.InputJsonObject,
          after: a.after as Prisma.InputJsonObject,
        })),
      });
      // Every tenant has the default alert rules, in the state its story puts them in (evaluated
      // now, by the same code that evaluates them live).
      await tx.alertRule.createMany({
        data: rows.tenants.flatMap((t) =>
          defaultRulesFor(t.id).map((r, i) => ({
            ...r,
            id: `rule_${t.id}_${i}`,
            createdAt: t.createdAt,
            updatedAt: t.createdAt,
          })),
        ),
      });
      for (const t of rows.tenants)
        await afterWrite(prismaRunner(tx), {
          tenantId: t.id,
          changed: "everything",
          now,
          appUrl: opts.appUrl ?? "",
          eventId: (ruleId) => `alev_${ruleId}`,
        });
    },
    { timeout: 300_000, maxWait: 10_000 },
  );

  return {
    tenants: rows.tenants.length,
    users: rows.users.length,
    apiKeys: rows.apiKeys.length,
    usageEvents: rows.usageEvents.length,
    rollups: rows.rollups.length,
    ledgerEntries: rows.ledgerEntries.length,
    decisions: rows.decisions.length,
    refusals: rows.decisions.filter((d) => !d.allowed).length,
  };
}
