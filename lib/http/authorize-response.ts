// The wire format of an authorize answer. Money is a decimal string of micro-USD (BigInt does not
// survive JSON numbers); times are ISO 8601 UTC.
import type { AuthorizeOutcome } from "@/lib/authorize/authorize";
import type { Limits } from "@/lib/decisions/types";
import { problemResponse, refusalProblem } from "@/lib/errors/problem";
import { json } from "@/lib/http/json";

const money = (v: bigint | undefined) => (v === undefined ? undefined : v.toString());

function limitsJson(l: Limits) {
  return {
    quota: l.quota && {
      limit: l.quota.limit.toString(),
      used: l.quota.used.toString(),
      resetsAt: l.quota.resetsAt.toISOString(),
    },
    rateLimit: {
      limit: l.rateLimit.limit,
      remaining: l.rateLimit.remaining,
      resetsAt: l.rateLimit.resetsAt.toISOString(),
    },
    warnings: l.warnings,
  };
}

export function authorizeResponse(o: AuthorizeOutcome, now = new Date()): Response {
  if (o.allowed) {
    return json({
      allowed: true,
      decisionId: o.decisionId,
      requestId: o.requestId,
      reservation: {
        id: o.reservation.id,
        amount: o.reservation.amount.toString(),
        expiresAt: o.reservation.expiresAt.toISOString(),
      },
      balance: { available: o.balance.available.toString(), reserved: o.balance.reserved.toString() },
      limits: limitsJson(o.limits),
    });
  }
  const headers: Record<string, string> = {};
  if (o.code === "rate_limited" && o.resetsAt)
    headers["Retry-After"] = String(Math.max(1, Math.ceil((o.resetsAt.getTime() - now.getTime()) / 1000)));
  return problemResponse(
    refusalProblem(o.code, o.detail, {
      scope: o.scope,
      limit: money(o.limit),
      used: money(o.used),
      remaining: money(o.remaining),
      resetsAt: o.resetsAt?.toISOString(),
      retryable: o.retryable,
      remedy: o.remedy,
      decisionId: o.decisionId,
      requestId: o.requestId,
    }),
    headers,
  );
}
