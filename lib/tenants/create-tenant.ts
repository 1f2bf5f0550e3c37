// Creating a tenant: its row, its credit balance (0, so the ledger sums to it from the first
// entry), its default alert rules and the audit row, in one transaction. The slug is the tenant's name in URLs; a taken
// slug is a 409 (never a silent "-2": a script that creates "Acme" twice gets told).
import { z } from "zod";

import { defaultRulesFor } from "@/lib/alerts/defaults";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { AppError } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadTenant, tenantJson, tenantSettings } from "@/lib/tenants/tenant-view";
import { invalidField, isUniqueViolation, timeZoneSchema } from "@/lib/validation/inputs";

export const slugSchema = z
  .string()
  .max(48)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lowercase letters and digits separated by single hyphens");

export const createTenantSchema = z.strictObject({
  name: z.string().trim().min(1, "is required").max(200),
  slug: slugSchema.optional(),
  planKey: z.string().min(1, "is required").max(63),
  timeZone: timeZoneSchema.default("UTC"),
});

/** "Ångström Labs, Inc." → "angstrom-labs-inc"; "" when nothing of the name is usable. */
export function slugFromName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, 48)
    .replace(/-+$/, "");
}

export async function createTenant(
  prisma: PrismaClient,
  actor: AuditActor,
  body: z.infer<typeof createTenantSchema>,
) {
  const slug = body.slug ?? slugFromName(body.name);
  if (!slug) throw invalidField("slug", "cannot be derived from this name; send one");
  const tenant = await prisma.$transaction(async (tx) => {
    const plan = await tx.plan.findUnique({ where: { key: body.planKey }, select: { id: true } });
    if (!plan) throw invalidField("planKey", `unknown plan "${body.planKey}"`);
    const created = await tx.tenant
      .create({ data: { name: body.name, slug, planId: plan.id, timeZone: body.timeZone } })
      .catch((e: unknown) => {
        if (!isUniqueViolation(e)) throw e;
        throw new AppError(
          "conflict",
          `The slug "${slug}" is taken.${body.slug ? "" : " Send another `slug`."}`,
          { errors: [{ path: "slug", message: "is taken" }] },
        );
      });
    await tx.creditBalance.create({ data: { tenantId: created.id } });
    await tx.alertRule.createMany({ data: defaultRulesFor(created.id) });
    const row = await loadTenant(tx, created.id);
    await recordAudit(tx, actor, {
      action: "tenant.create",
      tenantId: row.id,
      targetType: "Tenant",
      targetId: row.id,
      after: tenantSettings(row),
    });
    return row;
  });
  return tenantJson(tenant);
}
