// The inputs and outputs of decide(). A snapshot is everything the decision needs, read (or
// cached) by the caller; decide() itself does no I/O, so the API, the dashboard's "why would
// this tenant be refused?" view and the tenant banner all get the same answer from the same data.
import type { RefusalCode, RefusalScope, RemedyAction } from "@/lib/decisions/codes";
import type { ModelPrice } from "@/lib/decisions/cost";

export type SubscriptionStatus =
  "incomplete" | "incomplete_expired" | "trialing" | "active" | "past_due" | "canceled" | "unpaid" | "paused";

export type KeySnapshot = {
  id: string;
  status: "ACTIVE" | "PENDING_APPROVAL" | "REVOKED";
  /** Narrows the plan's list; empty = the plan's list. */
  allowedModels: string[];
  dailySpendCap: bigint | null;
  monthlySpendCap: bigint | null;
};

export type PlanSnapshot = {
  key: string;
  monthlyPrice: bigint;
  monthlyTokenQuota: bigint | null;
  quotaMode: "HARD" | "SOFT";
  requestsPerMinute: number;
  maxContextTokens: number | null;
  features: string[];
  allowedModels: string[];
  pastDueGraceDays: number;
  requiresPaymentMethod: boolean;
};

export type TenantSnapshot = {
  id: string;
  timeZone: string;
  status: "ACTIVE" | "SUSPENDED";
  dailySpendCap: bigint | null;
  monthlySpendCap: bigint | null;
};

export type DecisionSnapshot = {
  key: KeySnapshot;
  tenant: TenantSnapshot;
  plan: PlanSnapshot;
  /** The tenant's current subscription (Stripe or manual), or null. */
  subscription: { status: SubscriptionStatus; pastDueSince: Date | null } | null;
  defaultCard: { expMonth: number; expYear: number } | null;
  /** Hosted URL of the oldest open invoice, for the pay_invoice remedy. */
  openInvoiceUrl: string | null;
  /** The requested model, priced at the decision's moment; null = no such model. */
  model: ModelPrice | null;
  balance: { available: bigint; reserved: bigint };
  /** Tokens used in the current quota month and when it resets. */
  quota: { used: bigint; resetsAt: Date };
  /** micro-USD spent (charged + held) today and this month, for the spending caps. */
  spend: {
    tenantDay: bigint;
    tenantMonth: bigint;
    keyDay: bigint;
    keyMonth: bigint;
    dayResetsAt: Date;
    monthResetsAt: Date;
  };
  /** The limiter's verdict for this request (it counts the request atomically before deciding). */
  rateLimit: { limit: number; remaining: number; resetsAt: Date; limited: boolean };
  /** Base URL of this dashboard, for remedy links. */
  appUrl: string;
};

export type DecisionRequest = {
  model: string;
  feature?: string;
  inputTokens?: number;
  maxOutputTokens?: number;
  contextTokens?: number;
};

export type Remedy = { action: RemedyAction; url: string };

export type Warning =
  | { code: "subscription_past_due"; graceEndsAt: string }
  | { code: "quota_overage"; limit: string; used: string }
  | { code: "card_expiring"; expiresAt: string };

export type Limits = {
  quota: { limit: bigint; used: bigint; resetsAt: Date } | null;
  rateLimit: { limit: number; remaining: number; resetsAt: Date };
  warnings: Warning[];
};

export type Allowed = { allowed: true; cost: bigint; tokens: bigint; limits: Limits };

export type Refused = {
  allowed: false;
  code: RefusalCode;
  status: 401 | 402 | 403 | 429;
  scope: RefusalScope;
  title: string;
  detail: string;
  limit?: bigint;
  used?: bigint;
  remaining?: bigint;
  resetsAt?: Date;
  retryable: boolean;
  remedy: Remedy;
};

export type Decision = Allowed | Refused;
