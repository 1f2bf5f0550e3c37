// The authorize use case: snapshot → decide() → reserve. decide() is the only judge; the
// reservation is the atomic second half of an "allow" (a racer that loses the last credits gets
// credits_exhausted). A retried requestId gets the same answer again: an allow from the
// reservation it holds, a refusal from the Decision log (lib/decisions/replay.ts); copies that
// arrive while the first is still being decided share its answer.
import type pg from "pg";

import { loadLiveState } from "@/lib/authorize/live-state";
import type { DecisionRecorder } from "@/lib/authorize/recorder";
import { TtlCache } from "@/lib/cache/ttl-cache";
import type { AuthorizeRequest } from "@/lib/decisions/authorize-request";
import { REFUSALS } from "@/lib/decisions/codes";
import { decide } from "@/lib/decisions/decide";
import { refuse, remedy } from "@/lib/decisions/refuse";
import { stillStands, storedRefusal } from "@/lib/decisions/replay";
import type { DecisionSnapshot, Limits, Refused } from "@/lib/decisions/types";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashApiKey } from "@/lib/keys/api-key";
import { loadKeyContext, loadModelPrice, type ContextCache } from "@/lib/keys/key-context";
import { touchLastUsed } from "@/lib/keys/touch-last-used";
import { reserveCredits, type HeldReservation, type ReserveGuard } from "@/lib/ledger/reserve-credits";
import type { RateLimiter } from "@/lib/ratelimit/sliding-window";
import { localDay, quotaPeriod } from "@/lib/time/tenant-calendar";

export type AuthorizeDeps = {
  prisma: PrismaClient;
  pool: pg.Pool;
  limiter: RateLimiter;
  recorder: DecisionRecorder;
  /** Keys' contexts and model prices (lib/keys/key-context.ts). */
  contexts: ContextCache;
  /** What this instance remembers of its own recent answers. */
  memory: AuthorizeMemory;
  appUrl: string;
  reservationTtlMs: number;
  now?: () => Date;
};

export type AuthorizeAllowed = {
  allowed: true;
  decisionId: string;
  requestId: string;
  reservation: HeldReservation;
  balance: { available: bigint; reserved: bigint };
  limits: Limits;
};
export type AuthorizeRefused = Refused & { decisionId: string; requestId: string };
export type AuthorizeOutcome = AuthorizeAllowed | AuthorizeRefused;

const RATE_LIMIT_RANK = Object.keys(REFUSALS).indexOf("rate_limited");
const NOT_LIMITED = (limit: number, now: Date) => ({
  limit,
  remaining: limit,
  resetsAt: new Date(now.getTime() + 60_000),
  limited: false,
});
const decisionIdFor = (reservationId: string) => `dec_${reservationId.slice(4)}`;

/** A retried requestId: the allow it already got, never a second reservation or rate-limit hit. */
function repeatOf(
  existing: HeldReservation,
  snapshot: DecisionSnapshot,
  requestId: string,
  now: Date,
): AuthorizeAllowed {
  const limit = snapshot.plan.monthlyTokenQuota;
  return {
    allowed: true,
    decisionId: decisionIdFor(existing.id),
    requestId,
    reservation: existing,
    balance: snapshot.balance,
    limits: {
      quota: limit === null ? null : { limit, used: snapshot.quota.used, resetsAt: snapshot.quota.resetsAt },
      rateLimit: NOT_LIMITED(snapshot.plan.requestsPerMinute, now),
      warnings: [],
    },
  };
}

/**
 * A HARD quota or a spending cap is judged again under the balance lock, on the numbers read
 * there (concurrent calls would otherwise all pass the same snapshot), by decide() itself.
 */
function guardFor(
  snapshot: DecisionSnapshot,
  req: AuthorizeRequest,
  now: Date,
): ReserveGuard<Refused> | undefined {
  const { plan, tenant, key } = snapshot;
  const hardQuota = plan.monthlyTokenQuota !== null && plan.quotaMode === "HARD";
  const spendSince =
    tenant.dailySpendCap !== null || key.dailySpendCap !== null || key.monthlySpendCap !== null;
  if (!hardQuota && !spendSince && tenant.monthlySpendCap === null) return undefined;
  const month = quotaPeriod(now, tenant.timeZone);
  return {
    quotaPeriodStart: month.start,
    spendSince: spendSince ? { day: localDay(now, tenant.timeZone).start, month: month.start } : undefined,
    recheck(l) {
      const spend = { ...snapshot.spend, tenantMonth: l.monthCost + l.reserved };
      if (spendSince)
        Object.assign(spend, {
          tenantDay: l.tenantDayCharged + l.reserved,
          keyDay: l.keyDayCharged + l.keyHeld,
          keyMonth: l.keyMonthCharged + l.keyHeld,
        });
      const again = decide(
        {
          ...snapshot,
          spend,
          balance: { available: l.available, reserved: l.reserved },
          quota: { used: l.monthTokens + l.reservedTokens, resetsAt: month.end },
        },
        req,
        now,
      );
      return again.allowed ? null : again;
    },
  };
}

export class AuthorizeMemory {
  /** Copies of a requestId that arrive while the first is being decided share its answer. */
  readonly inFlight = new Map<string, Promise<AuthorizeOutcome>>();
  /** Refusals given in the last seconds, which the batched Decision log may not hold yet. */
  readonly recentRefusals = new TtlCache<AuthorizeRefused>(10_000);
  /**
   * Allows given in the last seconds: a gateway's quick retry gets the very same body (limits and
   * warnings as they were); later, or on another instance, it is rebuilt from the reservation.
   */
  readonly recentAllows = new TtlCache<AuthorizeAllowed>(10_000);
}

export function authorize(
  deps: AuthorizeDeps,
  secret: string | null,
  req: AuthorizeRequest,
): Promise<AuthorizeOutcome> {
  const keyHash = secret ? hashApiKey(secret) : null;
  const flight = `${keyHash}\u0000${req.requestId}`;
  const { inFlight } = deps.memory;
  let answer = inFlight.get(flight);
  if (!answer) {
    answer = decideAndReserve(deps, keyHash, req).finally(() => inFlight.delete(flight));
    inFlight.set(flight, answer);
  }
  return answer;
}

async function decideAndReserve(
  deps: AuthorizeDeps,
  keyHash: string | null,
  req: AuthorizeRequest,
): Promise<AuthorizeOutcome> {
  const now = deps.now?.() ?? new Date();
  const { recentAllows, recentRefusals } = deps.memory;
  const ctx = keyHash ? await loadKeyContext(deps.prisma, keyHash, deps.contexts) : null;
  const replayKey = `${ctx?.tenant.id}\u0000${req.requestId}`;
  const record = (outcome: AuthorizeOutcome, cost: bigint | null) => {
    const { allowed, decisionId, requestId, ...details } = outcome;
    deps.recorder.record({
      id: decisionId,
      tenantId: ctx?.tenant.id ?? null,
      apiKeyId: ctx?.key.id ?? null,
      requestId,
      model: req.model,
      feature: req.feature ?? null,
      allowed,
      code: allowed ? null : outcome.code,
      httpStatus: allowed ? 200 : outcome.status,
      cost,
      details,
      createdAt: now,
    });
    return outcome;
  };
  const refused = (r: Refused): AuthorizeOutcome => {
    const outcome: AuthorizeRefused = {
      ...r,
      decisionId: `dec_${crypto.randomUUID()}`,
      requestId: req.requestId,
    };
    if (ctx) recentRefusals.set(replayKey, outcome);
    return record(outcome, null);
  };

  if (!ctx) return refused(decide(null, req, now, deps.appUrl) as Refused);

  touchLastUsed(deps.pool, ctx.key.id, now);
  const { existing, priorRefusal, ...live } = await loadLiveState(
    deps.pool,
    ctx.tenant,
    ctx.key,
    req.requestId,
    now,
  );
  const snapshot: DecisionSnapshot = {
    ...ctx,
    ...live,
    model: await loadModelPrice(deps.prisma, req.model, now, deps.contexts),
    rateLimit: NOT_LIMITED(ctx.plan.requestsPerMinute, now),
    appUrl: deps.appUrl,
  };
  if (existing) return recentAllows.get(replayKey) ?? repeatOf(existing, snapshot, req.requestId, now);
  const earlier =
    recentRefusals.get(replayKey) ??
    (priorRefusal && {
      ...storedRefusal(priorRefusal),
      decisionId: priorRefusal.decisionId,
      requestId: req.requestId,
    });
  if (earlier && stillStands(earlier, now)) return earlier;

  // A refusal that outranks rate limiting must not spend the tenant's rate budget (a leaked,
  // revoked key could otherwise lock its tenant out), so the limiter is consulted only after.
  let decision = decide(snapshot, req, now);
  if (!decision.allowed && Object.keys(REFUSALS).indexOf(decision.code) < RATE_LIMIT_RANK)
    return refused(decision);
  snapshot.rateLimit = await deps.limiter.hit(ctx.tenant.id, ctx.plan.requestsPerMinute, now);
  decision = decide(snapshot, req, now);
  if (!decision.allowed) return refused(decision);

  const reserved = await reserveCredits(deps.pool, {
    tenantId: ctx.tenant.id,
    apiKeyId: ctx.key.id,
    requestId: req.requestId,
    model: req.model,
    amount: decision.cost,
    tokens: decision.tokens,
    expiresAt: new Date(now.getTime() + deps.reservationTtlMs),
    now,
    guard: guardFor(snapshot, req, now),
  });
  if (reserved.outcome === "refused") return refused(reserved.refusal as Refused);
  if (reserved.outcome === "insufficient") {
    // Lost the race for the last credits between the snapshot and the reservation.
    return refused(
      refuse(
        "credits_exhausted",
        "Not enough credits for this call. Top up to continue.",
        remedy("top_up", snapshot),
        {
          limit: decision.cost,
          used: 0n,
          remaining: reserved.balance.available,
        },
      ),
    );
  }
  const outcome: AuthorizeAllowed = {
    allowed: true,
    decisionId: decisionIdFor(reserved.reservation.id),
    requestId: req.requestId,
    reservation: reserved.reservation,
    balance: reserved.balance,
    limits: decision.limits,
  };
  // A duplicate was recorded the first time; recording it again would repeat the same id.
  if (reserved.outcome !== "reserved") return outcome;
  recentAllows.set(replayKey, outcome);
  return record(outcome, decision.cost);
}
