// Changing what an operator controls on a tenant: plan, time zone, status and spending caps
// (null lifts a cap). A new zone re-cuts the tenant's chart days and quota months in the same
// transaction, so the current month's quota is never reset by a zone change.
import { z } from "zod";

import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { lockTenant } from "@/lib/db/lock-tenant";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { clearContextCache } from "@/lib/keys/key-context";
import { recutUsage } from "@/lib/tenants/recut-usage";
import { loadTenant, tenantJson, tenantSettings } from "@/lib/tenants/tenant-view";
import { invalidField, microUsd, timeZoneSchema } from "@/lib/validation/inputs";

const FIELDS = ["planKey", "timeZone", "status", "dailySpendCap", "monthlySpendCap"] as const;

export const updateTenantSchema = z
  .strictObject({
    planKey: z.string().min(1).max(63).optional(),
    timeZone: timeZoneSchema.optional(),
    status: z.enum(["ACTIVE", "SUSPENDED"]).optional(),
    dailySpendCap: microUsd().nullable().optional(),
    monthlySpendCap: microUsd().nullable().optional(),
  })
  .refine((b) => FIELDS.some((f) => b[f] !== undefined), `send at least one of ${FIELDS.join(", ")}`);

export async function updateTenant(
  prisma: PrismaClient,
  actor: AuditActor,
  tenantId: string,
  body: z.infer<typeof updateTenantSchema>,
  now = new Date(),
) {
  const tenant = await prisma.$transaction(
    async (tx) => {
      await lockTenant(tx, tenantId);
      const before = await loadTenant(tx, tenantId);
      let planId: string | undefined;
      if (body.planKey !== undefined) {
        const plan = await tx.plan.findUnique({ where: { key: body.planKey }, select: { id: true } });
        if (!plan) throw invalidField("planKey", `unknown plan "${body.planKey}"`);
        planId = plan.id;
      }
      await tx.tenant.update({
        where: { id: before.id },
        data: {
          planId,
          timeZone: body.timeZone,
          status: body.status,
          dailySpendCap: body.dailySpendCap,
          monthlySpendCap: body.monthlySpendCap,
        },
      });
      // A manual subscription bills the tenant's plan; Stripe's rows follow Stripe.
      if (planId && planId !== before.planId)
        await tx.subscription.updateMany({
          where: { tenantId: before.id, mode: "MANUAL" },
          data: { planId },
        });
      if (body.timeZone !== undefined && body.timeZone !== before.timeZone)
        await recutUsage(tx, before.id, body.timeZone, now);
      const after = await loadTenant(tx, tenantId);
      const [was, is] = [tenantSettings(before), tenantSettings(after)];
      const changed = (Object.keys(is) as Array<keyof typeof is>).filter((k) => was[k] !== is[k]);
      if (changed.length) {
        await recordAudit(tx, actor, {
          action: "tenant.update",
          tenantId: after.id,
          targetType: "Tenant",
          targetId: after.id,
          before: Object.fromEntries(changed.map((k) => [k, was[k]])),
          after: Object.fromEntries(changed.map((k) => [k, is[k]])),
        });
      }
      return after;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
  clearContextCache();
  return tenantJson(tenant);
}
