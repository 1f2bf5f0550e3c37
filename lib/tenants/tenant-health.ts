// "Would this tenant's calls go through right now, and if not why?" — answered by decide(), the
// same judge the API uses, on a probe call (a small request to the cheapest model the plan allows,
// through a key with no restrictions of its own). Key-level problems (a revoked or pending key)
// are per key and show on the keys list instead. Plus the warnings an operator acts on before a
// refusal: few days of credit left, quota nearly used, no usable key, a flag for review.
import { cardStatus, type CardStatus } from "@/lib/decisions/card-status";
import type { RemedyAction } from "@/lib/decisions/codes";
import type { ModelPrice } from "@/lib/decisions/cost";
import { decide } from "@/lib/decisions/decide";
import type { Decision, DecisionRequest, DecisionSnapshot, Refused } from "@/lib/decisions/types";
import type { TenantStateRow } from "@/lib/tenants/tenant-states";

export const LOW_DAYS_LEFT = 3;
export const QUOTA_WARN_PCT = 90;

export type HealthLevel = "ok" | "warn" | "refusing";
export type HealthWarning = { code: string; message: string };

export type TenantHealth = {
  level: HealthLevel;
  decision: Decision;
  probe: DecisionRequest;
  warnings: HealthWarning[];
  burnPerDay: bigint;
  /** At the last 7 days' average burn; null when nothing was spent. */
  daysLeft: number | null;
  quotaPct: number | null;
  card: { status: CardStatus; expiresAt: Date } | null;
};

const PROBE_TOKENS = { inputTokens: 1_000, maxOutputTokens: 500 };

/** The cheapest model the plan allows (input + output price), or null if none is priced. */
export function probeModel(allowed: string[], models: ModelPrice[]): ModelPrice | null {
  const pool = allowed.length ? models.filter((m) => allowed.includes(m.id)) : models;
  return pool.reduce<ModelPrice | null>(
    (best, m) => (!best || m.inputPrice + m.outputPrice < best.inputPrice + best.outputPrice ? m : best),
    null,
  );
}

export function probeSnapshot(
  t: TenantStateRow,
  model: ModelPrice | null,
  now: Date,
  appUrl: string,
): DecisionSnapshot {
  const resetsAt = t.quotaResetsAt ?? new Date(now.getTime() + 86_400_000);
  return {
    key: { id: "probe", status: "ACTIVE", allowedModels: [], dailySpendCap: null, monthlySpendCap: null },
    tenant: {
      id: t.id,
      timeZone: t.timeZone,
      status: t.status,
      dailySpendCap: t.dailySpendCap,
      monthlySpendCap: t.monthlySpendCap,
    },
    plan: t.plan,
    subscription: t.subscription,
    defaultCard: t.card,
    openInvoiceUrl: null,
    model,
    balance: { available: t.available, reserved: t.reserved },
    quota: { used: t.quotaUsed, resetsAt },
    spend: {
      tenantDay: t.todayCost,
      tenantMonth: t.monthCost,
      keyDay: 0n,
      keyMonth: 0n,
      dayResetsAt: resetsAt,
      monthResetsAt: resetsAt,
    },
    rateLimit: {
      limit: t.plan.requestsPerMinute,
      remaining: t.plan.requestsPerMinute,
      resetsAt: new Date(now.getTime() + 60_000),
      limited: false,
    },
    appUrl,
  };
}

export function daysOfCredit(
  available: bigint,
  weekCost: bigint,
): { burnPerDay: bigint; daysLeft: number | null } {
  const burnPerDay = weekCost / 7n;
  if (burnPerDay <= 0n) return { burnPerDay, daysLeft: null };
  return { burnPerDay, daysLeft: available <= 0n ? 0 : Number((available * 10n) / burnPerDay) / 10 };
}

export function tenantHealth(t: TenantStateRow, models: ModelPrice[], now: Date, appUrl = ""): TenantHealth {
  const model = probeModel(t.plan.allowedModels, models);
  const probe: DecisionRequest = { model: model?.id ?? "(no model)", ...PROBE_TOKENS };
  const decision = decide(probeSnapshot(t, model, now, appUrl), probe, now);
  const { burnPerDay, daysLeft } = daysOfCredit(t.available, t.weekCost);
  const limit = t.plan.monthlyTokenQuota;
  const quotaPct = limit === null || limit === 0n ? null : Number((t.quotaUsed * 1000n) / limit) / 10;
  const card = t.card ? cardStatus(t.card, now) : null;

  const warnings: HealthWarning[] = [];
  if (decision.allowed) {
    for (const w of decision.limits.warnings) {
      if (w.code === "subscription_past_due")
        warnings.push({ code: w.code, message: `Past due; grace ends ${w.graceEndsAt.slice(0, 10)}` });
      if (w.code === "card_expiring") warnings.push({ code: w.code, message: "Card expires within 30 days" });
      if (w.code === "quota_overage")
        warnings.push({ code: w.code, message: "Over the monthly quota (soft)" });
    }
  }
  if (daysLeft !== null && daysLeft < LOW_DAYS_LEFT && t.available > 0n)
    warnings.push({ code: "low_balance", message: `${daysLeft.toFixed(1)} days of credit left` });
  if (
    quotaPct !== null &&
    quotaPct >= QUOTA_WARN_PCT &&
    !(decision.allowed === false && decision.code === "quota_exceeded")
  ) {
    warnings.push({ code: "quota_high", message: `${quotaPct.toFixed(1)}% of the monthly quota used` });
  }
  // A plan that needs no card still shows an expired one (the next invoice will fail).
  if (card?.status === "expired" && (decision.allowed || decision.code !== "card_expired"))
    warnings.push({ code: "card_expired", message: "Default card has expired" });
  if (t.activeKeys === 0) warnings.push({ code: "no_active_key", message: "No active API key" });
  if (t.pendingKeys > 0)
    warnings.push({
      code: "keys_pending",
      message: `${t.pendingKeys} key${t.pendingKeys > 1 ? "s" : ""} awaiting approval`,
    });
  if (t.flaggedForReview) warnings.push({ code: "flagged", message: "Flagged for review" });

  const level: HealthLevel = !decision.allowed ? "refusing" : warnings.length ? "warn" : "ok";
  return { level, decision, probe, warnings, burnPerDay, daysLeft, quotaPct, card };
}

const ACTION_LABEL: Record<RemedyAction, string> = {
  top_up: "Top up credits",
  update_card: "Update your card",
  pay_invoice: "Pay the open invoice",
  upgrade_plan: "Choose a plan",
  contact_admin: "Contact your administrator",
  wait: "Wait for the limit to reset",
};

export type Banner = {
  level: HealthLevel;
  title: string;
  detail: string;
  action: { label: string; href: string } | null;
};

/** The tenant home's banner: whether calls go through now, why not, and the one action that fixes it. */
export function healthBanner(h: TenantHealth): Banner {
  if (!h.decision.allowed) {
    const r: Refused = h.decision;
    return {
      level: "refusing",
      title: `Calls are refused: ${r.title}`,
      detail: r.detail,
      action:
        r.remedy.action === "contact_admin"
          ? null
          : { label: ACTION_LABEL[r.remedy.action], href: r.remedy.url },
    };
  }
  const first = h.warnings[0];
  if (!first)
    return {
      level: "ok",
      title: "Calls go through",
      detail: "Nothing is blocking your API calls right now.",
      action: null,
    };
  const fix: Record<string, { label: string; href: string }> = {
    low_balance: { label: ACTION_LABEL.top_up, href: "/app/billing#top-up" },
    subscription_past_due: { label: ACTION_LABEL.pay_invoice, href: "/app/billing#invoices" },
    card_expiring: { label: ACTION_LABEL.update_card, href: "/app/billing#payment-methods" },
    card_expired: { label: ACTION_LABEL.update_card, href: "/app/billing#payment-methods" },
    quota_high: { label: ACTION_LABEL.upgrade_plan, href: "/app/billing#plans" },
    quota_overage: { label: ACTION_LABEL.upgrade_plan, href: "/app/billing#plans" },
    no_active_key: { label: "Create an API key", href: "/app/keys" },
  };
  return {
    level: "warn",
    title: "Calls go through, with a warning",
    detail: h.warnings.map((w) => w.message).join(" · "),
    action: fix[first.code] ?? null,
  };
}
