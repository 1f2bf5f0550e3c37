// The closed vocabulary of refusals. Order in this table is the order decide() checks them in;
// the HTTP status, scope and retryability of each code are fixed here and nowhere else.
// `retryable` means the very same request may succeed later with no change by anyone
// (a window resets); the rest need the tenant or an admin to act (the remedy says how).
export const REFUSALS = {
  key_unknown: { status: 401, scope: "key", retryable: false, title: "Unknown API key" },
  key_revoked: { status: 401, scope: "key", retryable: false, title: "API key revoked" },
  approval_pending: { status: 403, scope: "key", retryable: false, title: "API key awaiting approval" },
  tenant_suspended: { status: 403, scope: "tenant", retryable: false, title: "Account suspended" },
  subscription_past_due: {
    status: 402,
    scope: "subscription",
    retryable: false,
    title: "Subscription past due",
  },
  subscription_canceled: {
    status: 402,
    scope: "subscription",
    retryable: false,
    title: "Subscription canceled",
  },
  subscription_inactive: {
    status: 402,
    scope: "subscription",
    retryable: false,
    title: "Subscription not active",
  },
  card_expired: { status: 402, scope: "payment_method", retryable: false, title: "Card expired" },
  payment_method_required: {
    status: 402,
    scope: "payment_method",
    retryable: false,
    title: "Payment method required",
  },
  model_not_allowed: { status: 403, scope: "model", retryable: false, title: "Model not allowed" },
  feature_not_in_plan: { status: 402, scope: "plan", retryable: false, title: "Feature not in plan" },
  context_too_long: { status: 402, scope: "plan", retryable: false, title: "Context too long for plan" },
  rate_limited: { status: 429, scope: "rate_limit", retryable: true, title: "Rate limit exceeded" },
  quota_exceeded: { status: 402, scope: "quota", retryable: true, title: "Monthly quota exceeded" },
  budget_exceeded: { status: 402, scope: "budget", retryable: true, title: "Spending cap reached" },
  credits_exhausted: { status: 402, scope: "balance", retryable: false, title: "Credits exhausted" },
} as const satisfies Record<
  string,
  { status: 401 | 402 | 403 | 429; scope: string; retryable: boolean; title: string }
>;

export type RefusalCode = keyof typeof REFUSALS;
export type RefusalScope = (typeof REFUSALS)[RefusalCode]["scope"];
export const REFUSAL_CODES = Object.keys(REFUSALS) as RefusalCode[];

export type RemedyAction =
  "top_up" | "update_card" | "pay_invoice" | "upgrade_plan" | "contact_admin" | "wait";
