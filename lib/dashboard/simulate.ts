// "Simulate a call": the answer POST /api/v1/authorize would give this tenant right now, from
// decide() on the live snapshot (balance, quota, spend read now, the key context read fresh, not
// from the API's 5 s cache). Read-only: no reservation is held, no decision is recorded and the
// rate limiter is not counted (it is assumed not limited), so an admin can probe a tenant freely.
import type pg from "pg";

import type { AuthorizeOutcome } from "@/lib/authorize/authorize";
import { loadLiveState } from "@/lib/authorize/live-state";
import { modelPriceAt } from "@/lib/catalog/read-models";
import type { SimulateInput } from "@/lib/dashboard/forms";
import { tenantScope } from "@/lib/db/tenant-scope";
import { decide } from "@/lib/decisions/decide";
import type { Decision, DecisionSnapshot, KeySnapshot } from "@/lib/decisions/types";
import type { ActionState } from "@/lib/forms/action-state";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { authorizeResponse } from "@/lib/http/authorize-response";

export type SimulationResult = {
  allowed: boolean;
  httpStatus: number;
  /** The JSON body the API would send (problem+json for a refusal). */
  body: unknown;
  keyLabel: string;
};

/** The simulate form's answer: an ActionState carrying the result. */
export type SimulateState = ActionState & { result?: SimulationResult };

/** An unrestricted active key, for "any key of this tenant" (key-level limits then do not apply). */
const ANY_KEY: KeySnapshot = {
  id: "simulated",
  status: "ACTIVE",
  allowedModels: [],
  dailySpendCap: null,
  monthlySpendCap: null,
};

const SIMULATION_REQUEST_ID = "dashboard-simulation";

export async function simulateCall(
  prisma: PrismaClient,
  db: pg.Pool,
  tenantId: string,
  input: SimulateInput,
  opts: { now?: Date; appUrl?: string; reservationTtlMs?: number } = {},
): Promise<SimulationResult | null> {
  const now = opts.now ?? new Date();
  const scope = tenantScope(tenantId);
  const tenant = await prisma.tenant.findUnique({
    where: { id: scope.tenantId },
    include: {
      plan: true,
      subscriptions: { orderBy: { updatedAt: "desc" }, take: 1 },
      paymentMethods: { where: { isDefault: true, detachedAt: null }, take: 1 },
      invoices: { where: { status: "open" }, orderBy: { createdAt: "asc" }, take: 1 },
    },
  });
  if (!tenant) return null;
  let key = ANY_KEY;
  let keyLabel = "any key (no key limits)";
  if (input.keyId) {
    const k = await prisma.apiKey.findFirst({ where: { id: input.keyId, ...scope } });
    if (!k) return null;
    key = {
      id: k.id,
      status: k.status,
      allowedModels: k.allowedModels,
      dailySpendCap: k.dailySpendCap,
      monthlySpendCap: k.monthlySpendCap,
    };
    keyLabel = `${k.name} (${k.prefix}…)`;
  }
  const model = await modelPriceAt(prisma, input.model, now);
  const tenantSnap = {
    id: tenant.id,
    timeZone: tenant.timeZone,
    status: tenant.status,
    dailySpendCap: tenant.dailySpendCap,
    monthlySpendCap: tenant.monthlySpendCap,
  };
  const { existing: _ignored, ...live } = await loadLiveState(
    db,
    tenantSnap,
    key,
    SIMULATION_REQUEST_ID,
    now,
  );
  const sub = tenant.subscriptions[0];
  const card = tenant.paymentMethods[0];
  const snapshot: DecisionSnapshot = {
    key,
    tenant: tenantSnap,
    plan: tenant.plan,
    subscription: sub ? { status: sub.status, pastDueSince: sub.pastDueSince } : null,
    defaultCard: card ? { expMonth: card.expMonth, expYear: card.expYear } : null,
    openInvoiceUrl: tenant.invoices[0]?.hostedInvoiceUrl ?? null,
    model,
    ...live,
    rateLimit: {
      limit: tenant.plan.requestsPerMinute,
      remaining: tenant.plan.requestsPerMinute,
      resetsAt: new Date(now.getTime() + 60_000),
      limited: false,
    },
    appUrl: opts.appUrl ?? "",
  };
  const decision = decide(snapshot, input, now);
  const response = authorizeResponse(
    asOutcome(decision, snapshot, now, opts.reservationTtlMs ?? 600_000),
    now,
  );
  return { allowed: decision.allowed, httpStatus: response.status, body: await response.json(), keyLabel };
}

/** The outcome authorize() would build, with placeholder ids: nothing is reserved or recorded. */
function asOutcome(d: Decision, s: DecisionSnapshot, now: Date, ttlMs: number): AuthorizeOutcome {
  const ids = { decisionId: "dec_simulated", requestId: SIMULATION_REQUEST_ID };
  if (!d.allowed) return { ...d, ...ids };
  return {
    allowed: true,
    ...ids,
    limits: d.limits,
    reservation: {
      id: "res_simulated_not_held",
      amount: d.cost,
      expiresAt: new Date(now.getTime() + ttlMs),
      status: "HELD",
    },
    balance: { available: s.balance.available - d.cost, reserved: s.balance.reserved + d.cost },
  };
}
