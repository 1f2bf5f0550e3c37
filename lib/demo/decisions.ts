// Demo decision log: the recent allowed calls of every tenant, and refusals of every code, each
// on the tenant whose story explains it. Details are built with the engine's own refuse(), so
// titles, statuses and remedies read exactly as the API would send them.
import type { RefusalCode, RemedyAction } from "@/lib/decisions/codes";
import { refuse, remedy } from "@/lib/decisions/refuse";
import type { DemoUsageEvent } from "@/lib/demo/usage";
import { seededRandom } from "@/lib/demo/random";

type Refusal = { code: RefusalCode; slug: string | null; model: string; feature?: string; action: RemedyAction; detail: string; numbers?: Record<string, string> };

const REFUSALS: Refusal[] = [
  { code: "key_unknown", slug: null, model: "gpt-4o", action: "contact_admin", detail: "No API key matches the one sent." },
  { code: "key_revoked", slug: "revoked-key", model: "gpt-4o-mini", action: "contact_admin", detail: "This API key has been revoked. Use another key or create a new one." },
  { code: "approval_pending", slug: "pending-key", model: "gpt-4o-mini", action: "contact_admin", detail: "This API key is waiting for an administrator's approval." },
  { code: "tenant_suspended", slug: "suspended", model: "gpt-4o-mini", action: "contact_admin", detail: "This account is suspended. Contact the administrator." },
  { code: "subscription_past_due", slug: "past-due-expired", model: "gpt-4o", action: "pay_invoice", detail: "The subscription is past due and the 7-day grace period has ended. Pay the open invoice to resume." },
  { code: "subscription_canceled", slug: "canceled", model: "gpt-4o-mini", action: "upgrade_plan", detail: "The subscription is canceled. Subscribe to a plan to resume." },
  { code: "subscription_inactive", slug: "incomplete", model: "gpt-4o", action: "pay_invoice", detail: "The subscription is incomplete." },
  { code: "card_expired", slug: "card-expired", model: "claude-sonnet-4", action: "update_card", detail: "The default card has expired. Update the card to resume." },
  { code: "payment_method_required", slug: "no-card", model: "gpt-4o-mini", action: "update_card", detail: "The starter plan needs a card on file." },
  { code: "model_not_allowed", slug: "free-kolkata", model: "gpt-4o", action: "upgrade_plan", detail: "The free plan does not include gpt-4o." },
  { code: "feature_not_in_plan", slug: "low-balance", model: "gpt-4o", feature: "vision", action: "upgrade_plan", detail: 'The starter plan does not include the "vision" feature.' },
  { code: "context_too_long", slug: "free-kolkata", model: "gpt-4o-mini", action: "upgrade_plan", detail: "A context of 20000 tokens is over the free plan's limit of 8192.", numbers: { limit: "8192", used: "20000" } },
  { code: "rate_limited", slug: "healthy", model: "gpt-4o-mini", action: "wait", detail: "More than 600 requests per minute.", numbers: { limit: "600", remaining: "0" } },
  { code: "quota_exceeded", slug: "quota-used", model: "gpt-4o-mini", action: "upgrade_plan", detail: "This call needs 1500 tokens; 0 of the monthly 1000000 remain.", numbers: { limit: "1000000", used: "1000000", remaining: "0" } },
  { code: "budget_exceeded", slug: "budget-capped", model: "claude-sonnet-4", action: "contact_admin", detail: "The account's daily spending cap would be passed by this call." },
  { code: "credits_exhausted", slug: "zero-credits", model: "gpt-4o", action: "top_up", detail: "Not enough credits for this call. Top up to continue." },
];

export type DecisionRow = {
  id: string; tenantId: string | null; apiKeyId: string | null; requestId: string; model: string; feature: string | null;
  allowed: boolean; code: string | null; httpStatus: number; cost: bigint | null; details: object; createdAt: Date;
};

export function allowedDecisions(events: DemoUsageEvent[]): DecisionRow[] {
  return events.slice(-20).map((e) => ({
    id: `dec_${e.requestId}`, tenantId: e.tenantId, apiKeyId: e.apiKeyId, requestId: e.requestId, model: e.model, feature: e.feature,
    allowed: true, code: null, httpStatus: 200, cost: e.cost, details: { warnings: [] }, createdAt: new Date(e.occurredAt.getTime() - 150),
  }));
}

export function refusalDecisions(now: Date, ids: (slug: string) => { tenantId: string; apiKeyId: string }): DecisionRow[] {
  const rnd = seededRandom(20261125);
  const rows: DecisionRow[] = [];
  for (const r of REFUSALS) {
    const who = r.slug ? ids(r.slug) : { tenantId: null, apiKeyId: null };
    const count = rnd.int(2, 9);
    for (let i = 0; i < count; i++) {
      const refusal = refuse(r.code, r.detail, remedy(r.action, null));
      const { allowed: _a, status, code, ...details } = refusal;
      rows.push({
        id: `dec_${r.code}_${i}`, ...who, requestId: `req_refused_${r.code}_${i}`, model: r.model, feature: r.feature ?? null,
        allowed: false, code, httpStatus: status, cost: null, details: { ...details, ...r.numbers },
        createdAt: new Date(now.getTime() - rnd.int(60_000, 23 * 3_600_000)),
      });
    }
  }
  return rows;
}
