// decide(): may this call proceed? Pure: data in, answer out, no I/O and no clock but `now`.
// Ordering is load-bearing: checks run in the documented order and the first failure wins, so a
// tenant is told about the problem that blocks it first (a revoked key before an empty balance).
import { callCost } from "@/lib/decisions/cost";
import { refuse, remedy } from "@/lib/decisions/refuse";
import type {
  Allowed,
  Decision,
  DecisionRequest,
  DecisionSnapshot,
  Refused,
  Warning,
} from "@/lib/decisions/types";

const DAY_MS = 86_400_000;
const PAID_INACTIVE = new Set(["incomplete", "paused"]);
const PAID_ENDED = new Set(["canceled", "unpaid", "incomplete_expired"]);

type Check = (s: DecisionSnapshot, r: Facts, now: Date, warnings: Warning[]) => Refused | null;
type Facts = DecisionRequest & { cost: bigint; tokens: bigint; context: number };

/** First instant after the card's expiry month (cards are valid through the month's last day, UTC). */
export function cardExpiresAt(card: { expMonth: number; expYear: number }): Date {
  return new Date(cardExpiryMs(card));
}

// decide() runs on every authorize: the checks below avoid allocating on the passing path.
const cardExpiryMs = (card: { expMonth: number; expYear: number }) =>
  Date.UTC(card.expYear, card.expMonth, 1);

function capRefusal(
  s: DecisionSnapshot,
  cap: bigint | null,
  spent: bigint,
  cost: bigint,
  resetsAt: Date,
  what: string,
): Refused | null {
  if (cap === null || spent + cost <= cap) return null;
  const remaining = cap > spent ? cap - spent : 0n;
  return refuse(
    "budget_exceeded",
    `${what} spending cap would be passed by this call.`,
    remedy("contact_admin", s),
    { limit: cap, used: spent, remaining, resetsAt },
  );
}

const checks: Check[] = [
  function keyStatus(s) {
    if (s.key.status === "REVOKED")
      return refuse(
        "key_revoked",
        "This API key has been revoked. Use another key or create a new one.",
        remedy("contact_admin", s),
      );
    if (s.key.status === "PENDING_APPROVAL")
      return refuse(
        "approval_pending",
        "This API key is waiting for an administrator's approval.",
        remedy("contact_admin", s),
      );
    return null;
  },
  function tenantStatus(s) {
    return s.tenant.status === "SUSPENDED"
      ? refuse(
          "tenant_suspended",
          "This account is suspended. Contact the administrator.",
          remedy("contact_admin", s),
        )
      : null;
  },
  function pastDue(s, _r, now, warnings) {
    if (s.subscription?.status !== "past_due") return null;
    const since = s.subscription.pastDueSince ?? now;
    const graceEnds = new Date(since.getTime() + s.plan.pastDueGraceDays * DAY_MS);
    if (now < graceEnds) {
      warnings.push({ code: "subscription_past_due", graceEndsAt: graceEnds.toISOString() });
      return null;
    }
    return refuse(
      "subscription_past_due",
      `The subscription is past due since ${since.toISOString().slice(0, 10)} and the ${s.plan.pastDueGraceDays}-day grace period has ended. Pay the open invoice to resume.`,
      remedy("pay_invoice", s),
      { resetsAt: graceEnds },
    );
  },
  function ended(s) {
    if (s.plan.monthlyPrice === 0n || !s.subscription || !PAID_ENDED.has(s.subscription.status)) return null;
    return refuse(
      "subscription_canceled",
      `The subscription is ${s.subscription.status.replace("_", " ")}. Subscribe to a plan to resume.`,
      remedy("upgrade_plan", s),
    );
  },
  function inactive(s) {
    if (s.plan.monthlyPrice === 0n) return null;
    if (!s.subscription)
      return refuse(
        "subscription_inactive",
        `The ${s.plan.key} plan needs an active subscription.`,
        remedy("upgrade_plan", s),
      );
    if (PAID_INACTIVE.has(s.subscription.status)) {
      const fix = s.subscription.status === "incomplete" ? "pay_invoice" : "upgrade_plan";
      return refuse("subscription_inactive", `The subscription is ${s.subscription.status}.`, remedy(fix, s));
    }
    return null;
  },
  function card(s, _r, now, warnings) {
    if (!s.plan.requiresPaymentMethod) return null;
    if (!s.defaultCard)
      return refuse(
        "payment_method_required",
        `The ${s.plan.key} plan needs a card on file.`,
        remedy("update_card", s),
      );
    const expiresAt = cardExpiryMs(s.defaultCard);
    if (now.getTime() >= expiresAt) {
      const mm = String(s.defaultCard.expMonth).padStart(2, "0");
      return refuse(
        "card_expired",
        `The default card expired at the end of ${mm}/${s.defaultCard.expYear}. Update the card to resume.`,
        remedy("update_card", s),
      );
    }
    if (expiresAt - now.getTime() <= 30 * DAY_MS)
      warnings.push({ code: "card_expiring", expiresAt: new Date(expiresAt).toISOString() });
    return null;
  },
  function model(s, r) {
    if (!s.model)
      return refuse("model_not_allowed", `Unknown model "${r.model}".`, remedy("upgrade_plan", s));
    if (!s.model.active)
      return refuse(
        "model_not_allowed",
        `The model ${s.model.id} has been withdrawn from the catalogue.`,
        remedy("contact_admin", s),
      );
    if (s.plan.allowedModels.length > 0 && !s.plan.allowedModels.includes(s.model.id)) {
      return refuse(
        "model_not_allowed",
        `The ${s.plan.key} plan does not include ${s.model.id}.`,
        remedy("upgrade_plan", s),
      );
    }
    if (s.key.allowedModels.length > 0 && !s.key.allowedModels.includes(s.model.id)) {
      return refuse(
        "model_not_allowed",
        `This API key may not use ${s.model.id}.`,
        remedy("contact_admin", s),
      );
    }
    return null;
  },
  function feature(s, r) {
    if (!r.feature || s.plan.features.includes(r.feature)) return null;
    return refuse(
      "feature_not_in_plan",
      `The ${s.plan.key} plan does not include the "${r.feature}" feature.`,
      remedy("upgrade_plan", s),
    );
  },
  function context(s, r) {
    const max = s.plan.maxContextTokens;
    if (max === null || r.context <= max) return null;
    return refuse(
      "context_too_long",
      `A context of ${r.context} tokens is over the ${s.plan.key} plan's limit of ${max}.`,
      remedy("upgrade_plan", s),
      { limit: BigInt(max), used: BigInt(r.context) },
    );
  },
  function rate(s) {
    const rl = s.rateLimit;
    if (!rl.limited) return null;
    return refuse("rate_limited", `More than ${rl.limit} requests per minute.`, remedy("wait", s), {
      limit: BigInt(rl.limit),
      remaining: 0n,
      resetsAt: rl.resetsAt,
    });
  },
  function quota(s, r, _now, warnings) {
    const limit = s.plan.monthlyTokenQuota;
    if (limit === null || s.quota.used + r.tokens <= limit) return null;
    if (s.plan.quotaMode === "SOFT") {
      warnings.push({
        code: "quota_overage",
        limit: limit.toString(),
        used: (s.quota.used + r.tokens).toString(),
      });
      return null;
    }
    const remaining = limit > s.quota.used ? limit - s.quota.used : 0n;
    return refuse(
      "quota_exceeded",
      `This call needs ${r.tokens} tokens; ${remaining} of the monthly ${limit} remain.`,
      remedy("upgrade_plan", s),
      { limit, used: s.quota.used, remaining, resetsAt: s.quota.resetsAt },
    );
  },
  function budget(s, r) {
    const { spend, key, tenant } = s;
    return (
      capRefusal(s, key.dailySpendCap, spend.keyDay, r.cost, spend.dayResetsAt, "This API key's daily") ??
      capRefusal(
        s,
        key.monthlySpendCap,
        spend.keyMonth,
        r.cost,
        spend.monthResetsAt,
        "This API key's monthly",
      ) ??
      capRefusal(
        s,
        tenant.dailySpendCap,
        spend.tenantDay,
        r.cost,
        spend.dayResetsAt,
        "The account's daily",
      ) ??
      capRefusal(
        s,
        tenant.monthlySpendCap,
        spend.tenantMonth,
        r.cost,
        spend.monthResetsAt,
        "The account's monthly",
      )
    );
  },
  function credits(s, r) {
    if (s.balance.available >= r.cost) return null;
    return refuse(
      "credits_exhausted",
      "Not enough credits for this call. Top up to continue.",
      remedy("top_up", s),
      { limit: r.cost, used: 0n, remaining: s.balance.available },
    );
  },
];

export function decide(
  snapshot: DecisionSnapshot | null,
  request: DecisionRequest,
  now: Date,
  appUrl = "",
): Decision {
  if (!snapshot)
    return refuse("key_unknown", "No API key matches the one sent.", remedy("contact_admin", null, appUrl));
  const inputTokens = request.inputTokens ?? 0;
  // The call's own bound on its output, else the model's: the most it may be charged for.
  const outputTokens = request.maxOutputTokens ?? snapshot.model?.maxOutputTokens ?? 0;
  const facts: Facts = {
    model: request.model,
    feature: request.feature,
    cost: snapshot.model ? callCost(snapshot.model, { inputTokens, outputTokens }) : 0n,
    tokens: BigInt(inputTokens + outputTokens),
    context: request.contextTokens ?? inputTokens,
  };
  const warnings: Warning[] = [];
  for (let i = 0; i < checks.length; i++) {
    const refusal = checks[i]!(snapshot, facts, now, warnings);
    if (refusal) return refusal;
  }
  const limit = snapshot.plan.monthlyTokenQuota;
  const allowed: Allowed = {
    allowed: true,
    cost: facts.cost,
    tokens: facts.tokens,
    limits: {
      quota: limit === null ? null : { limit, used: snapshot.quota.used, resetsAt: snapshot.quota.resetsAt },
      rateLimit: {
        limit: snapshot.rateLimit.limit,
        remaining: snapshot.rateLimit.remaining,
        resetsAt: snapshot.rateLimit.resetsAt,
      },
      warnings,
    },
  };
  return allowed;
}
