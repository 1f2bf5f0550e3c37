// Audit history behind the stories: who suspended, revoked, capped or flagged what, and which
// Stripe events changed a subscription or a card — each at the instant its timeline says.
import type { DemoTenant } from "@/lib/demo/accounts";
import { DEMO_ADMIN_ID, keyIdOf, ownerIdOf, tenantIdOf } from "@/lib/demo/ids";
import type { Timeline } from "@/lib/demo/timeline";
import { usdToMicros } from "@/lib/money/format";

type ActorKind = "USER" | "STRIPE";
export type AuditRow = {
  actorKind: ActorKind;
  actorId: string | null;
  tenantId: string;
  action: string;
  targetType: string;
  targetId: string;
  before: object;
  after: object;
  ip: string | null;
  causeId: string | null;
  createdAt: Date;
};

const ADMIN_IP = "127.0.0.1";
const OWNER_IP = "203.0.113.7";

export function demoAudit(t: DemoTenant, tl: Timeline): AuditRow[] {
  const tenantId = tenantIdOf(t.slug);
  const tag = t.slug.replace(/-/g, "_");
  const rows: AuditRow[] = [];
  const by = (who: "admin" | "owner") => ({
    actorKind: "USER" as const,
    actorId: who === "admin" ? DEMO_ADMIN_ID : ownerIdOf(t.slug),
    ip: who === "admin" ? ADMIN_IP : OWNER_IP,
    causeId: null,
  });
  const stripe = (event: string) => ({
    actorKind: "STRIPE" as const,
    actorId: null,
    ip: null,
    causeId: `evt_demo_${tag}_${event}`,
  });
  const onTenant = { tenantId, targetType: "Tenant", targetId: tenantId };

  if (tl.suspendedAt)
    rows.push({
      ...by("admin"),
      ...onTenant,
      action: "tenant.suspend",
      before: { status: "ACTIVE" },
      after: { status: "SUSPENDED" },
      createdAt: tl.suspendedAt,
    });
  if (t.flagReason)
    rows.push({
      ...by("admin"),
      ...onTenant,
      action: "tenant.flag",
      before: { flaggedForReview: false },
      after: { flaggedForReview: true, flagReason: t.flagReason },
      createdAt: new Date(tl.periodStart.getTime() + 3_600_000),
    });
  if (tl.spendCapSince)
    rows.push({
      ...by("owner"),
      ...onTenant,
      action: "tenant.spend_cap",
      before: { dailySpendCap: null },
      after: { dailySpendCap: String(usdToMicros(t.dailySpendCapUsd!)) },
      createdAt: tl.spendCapSince,
    });
  if (t.extraKey === "revoked")
    rows.push({
      ...by("owner"),
      tenantId,
      targetType: "ApiKey",
      targetId: keyIdOf(t.slug, "revoked"),
      action: "api_key.revoke",
      before: { status: "ACTIVE" },
      after: { status: "REVOKED" },
      createdAt: tl.extraKeyAt!,
    });
  if (t.extraKey === "pending")
    rows.push({
      ...by("owner"),
      tenantId,
      targetType: "ApiKey",
      targetId: keyIdOf(t.slug, "pending"),
      action: "api_key.create",
      before: {},
      after: { status: "PENDING_APPROVAL" },
      createdAt: tl.extraKeyAt!,
    });
  const subTarget = { tenantId, targetType: "Subscription", targetId: `subrow_${t.slug}` };
  if (tl.pastDueSince)
    rows.push({
      ...stripe("past_due"),
      ...subTarget,
      action: "subscription.past_due",
      before: { status: "active" },
      after: { status: "past_due" },
      createdAt: tl.pastDueSince,
    });
  if (tl.canceledAt)
    rows.push({
      ...stripe("canceled"),
      ...subTarget,
      action: "subscription.canceled",
      before: { status: "active" },
      after: { status: "canceled" },
      createdAt: tl.canceledAt,
    });
  if (tl.card?.detachedAt)
    rows.push({
      ...stripe("pm_detached"),
      tenantId,
      targetType: "PaymentMethod",
      targetId: `pmrow_${t.slug}`,
      action: "payment_method.detached",
      before: { isDefault: true },
      after: { isDefault: false, detached: true },
      createdAt: tl.card.detachedAt,
    });
  return rows;
}
