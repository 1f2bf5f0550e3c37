// The demo decision log: each tenant's recent allowed calls, and refusals of every code, each on
// the tenant whose story explains it. Every row is decide()'s own answer for a snapshot of the
// tenant at that instant (lib/demo/snapshot.ts), stored with the details the live path stores;
// an answer other than the intended one stops the seed.
import type { RefusalCode } from "@/lib/decisions/codes";
import { decide } from "@/lib/decisions/decide";
import type { Decision, DecisionRequest } from "@/lib/decisions/types";
import { keyIdOf, type DemoKeyKind } from "@/lib/demo/ids";
import { seededRandom } from "@/lib/demo/random";
import { snapshotAt, type DemoTenantState } from "@/lib/demo/snapshot";
import { BUDGET_CALL } from "@/lib/demo/usage";

export type DemoRefusal = {
  code: RefusalCode;
  /** null: a key nobody has. */
  slug: string | null;
  key: DemoKeyKind;
  request: DecisionRequest;
  /** Asked while the limiter says the minute's budget is spent. */
  rateLimited?: boolean;
};

const small = (model: string, feature?: string): DecisionRequest => ({
  model,
  feature,
  inputTokens: 1_000,
  maxOutputTokens: 500,
});

/** The refusals in the log; the README's curl examples use the same keys and requests. */
export const DEMO_REFUSALS: DemoRefusal[] = [
  { code: "key_unknown", slug: null, key: "active", request: small("gpt-4o") },
  { code: "key_revoked", slug: "revoked-key", key: "revoked", request: small("gpt-4o-mini", "chat") },
  { code: "approval_pending", slug: "pending-key", key: "pending", request: small("gpt-4o-mini", "chat") },
  { code: "tenant_suspended", slug: "suspended", key: "active", request: small("gpt-4o-mini") },
  {
    code: "subscription_past_due",
    slug: "past-due-expired",
    key: "active",
    request: small("gpt-4o", "chat"),
  },
  { code: "subscription_canceled", slug: "canceled", key: "active", request: small("gpt-4o-mini") },
  { code: "subscription_inactive", slug: "incomplete", key: "active", request: small("gpt-4o") },
  { code: "card_expired", slug: "card-expired", key: "active", request: small("claude-sonnet-4", "chat") },
  { code: "payment_method_required", slug: "no-card", key: "active", request: small("gpt-4o-mini") },
  { code: "model_not_allowed", slug: "free-kolkata", key: "active", request: small("gpt-4o", "chat") },
  { code: "feature_not_in_plan", slug: "low-balance", key: "active", request: small("gpt-4o", "vision") },
  {
    code: "context_too_long",
    slug: "free-kolkata",
    key: "active",
    request: { model: "gpt-4o-mini", inputTokens: 20_000, maxOutputTokens: 500 },
  },
  {
    code: "rate_limited",
    slug: "healthy",
    key: "active",
    request: small("gpt-4o-mini", "chat"),
    rateLimited: true,
  },
  { code: "quota_exceeded", slug: "quota-used", key: "active", request: small("gpt-4o-mini", "chat") },
  {
    code: "budget_exceeded",
    slug: "budget-capped",
    key: "active",
    request: {
      model: BUDGET_CALL.model,
      feature: "chat",
      inputTokens: BUDGET_CALL.inputTokens,
      maxOutputTokens: BUDGET_CALL.outputTokens,
    },
  },
  { code: "credits_exhausted", slug: "zero-credits", key: "active", request: small("gpt-4o", "chat") },
];

export type DecisionRow = {
  id: string;
  tenantId: string | null;
  apiKeyId: string | null;
  requestId: string;
  model: string;
  feature: string | null;
  allowed: boolean;
  code: string | null;
  httpStatus: number;
  cost: bigint | null;
  details: object;
  createdAt: Date;
};

const DAY_MS = 86_400_000;

// What the recorder stores: money as strings, times as ISO strings.
const json = (value: object): object =>
  JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)));

function mismatch(what: string, d: Decision): Error {
  return new Error(
    `demo data contradicts the decision engine: ${what} got ${d.allowed ? "allowed" : d.code}`,
  );
}

/** The tenant's last `count` calls, as the allowed decisions that preceded them. */
export function allowedDecisions(s: DemoTenantState, appUrl: string, count = 20): DecisionRow[] {
  return s.events.slice(-count).map((e) => {
    const at = new Date(e.occurredAt.getTime() - 150);
    const kind = e.apiKeyId === keyIdOf(s.tenant.slug) ? "active" : "revoked";
    const request = {
      model: e.model,
      feature: e.feature,
      inputTokens: e.inputTokens,
      maxOutputTokens: e.outputTokens,
    };
    const snapshot = snapshotAt(s, { id: e.apiKeyId, kind }, e.model, at, appUrl);
    const d = decide(snapshot, request, at);
    if (!d.allowed || d.cost !== e.cost) throw mismatch(`${e.requestId} of ${s.tenant.slug}`, d);
    return {
      id: `dec_${e.requestId}`,
      tenantId: e.tenantId,
      apiKeyId: e.apiKeyId,
      requestId: e.requestId,
      model: e.model,
      feature: e.feature,
      allowed: true,
      code: null,
      httpStatus: 200,
      cost: d.cost,
      details: json({ balance: snapshot.balance, limits: d.limits }),
      createdAt: at,
    };
  });
}

/**
 * A few refusals of each code in the last day, after whatever the story says caused them: the
 * block, the revocation, or (for balance, quota and cap refusals) the tenant's last allowed call.
 */
export function refusalDecisions(
  states: Map<string, DemoTenantState>,
  now: Date,
  appUrl: string,
): DecisionRow[] {
  const rnd = seededRandom(20261125);
  const rows: DecisionRow[] = [];
  for (const r of DEMO_REFUSALS) {
    const s = r.slug === null ? null : states.get(r.slug)!;
    const causes = [now.getTime() - DAY_MS + 3_600_000];
    if (s?.timeline.blockedFrom) causes.push(s.timeline.blockedFrom.getTime());
    if (s && r.key !== "active" && s.timeline.extraKeyAt) causes.push(s.timeline.extraKeyAt.getTime());
    if (s && ["quota_exceeded", "budget_exceeded", "credits_exhausted"].includes(r.code) && s.events.length)
      causes.push(s.events.at(-1)!.occurredAt.getTime() + 1);
    const from = Math.max(...causes);
    const count = rnd.int(2, 9);
    for (let i = 0; i < count; i++) {
      const at = new Date(from + Math.floor(rnd.next() * (now.getTime() - from)));
      const apiKeyId = s ? keyIdOf(s.tenant.slug, r.key) : null;
      const snapshot = s && snapshotAt(s, { id: apiKeyId!, kind: r.key }, r.request.model, at, appUrl);
      if (snapshot && r.rateLimited)
        snapshot.rateLimit = { ...snapshot.rateLimit, remaining: 0, limited: true };
      const d = decide(snapshot, r.request, at, appUrl);
      if (d.allowed || d.code !== r.code)
        throw mismatch(`the ${r.code} example on ${r.slug ?? "an unknown key"}`, d);
      const { allowed: _allowed, ...details } = d;
      rows.push({
        id: `dec_demo_${r.code}_${i}`,
        tenantId: s?.tenantId ?? null,
        apiKeyId,
        requestId: `req_refused_${r.code}_${i}`,
        model: r.request.model,
        feature: r.request.feature ?? null,
        allowed: false,
        code: d.code,
        httpStatus: d.status,
        cost: null,
        details: json(details),
        createdAt: at,
      });
    }
  }
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}
