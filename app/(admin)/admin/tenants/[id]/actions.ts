"use server";

// The admin tenant page's actions, bound to the page's tenant id. Each calls the same function the
// admin API uses (locked, audited in its transaction).
import {
  createKeyForm,
  grantCreditsForm,
  keyIdForm,
  planForm,
  simulateSchema,
  statusForm,
} from "@/lib/dashboard/forms";
import { simulateCall, type SimulateState } from "@/lib/dashboard/simulate";
import { prisma } from "@/lib/db";
import { pool } from "@/lib/db/pool";
import { appUrl, env } from "@/lib/env";
import * as keys from "@/lib/keys/key-actions";
import { approveApiKey, revokeApiKey } from "@/lib/keys/key-lifecycle";
import { grantTenantCredits } from "@/lib/ledger/operator-grant";
import { updateTenant } from "@/lib/tenants/update-tenant";
import { action } from "@/lib/web/action";

const PAGE = {
  area: "admin",
  bound: "tenantId",
  revalidate: ({ tenantId }: { tenantId: string }) => `/admin/tenants/${tenantId}`,
} as const;
const KEY = { ...PAGE, input: keyIdForm, invalid: () => keys.NO_KEY_CHOSEN };

export const grantCreditsAction = action(
  { ...PAGE, input: grantCreditsForm },
  async ({ actor, tenantId, input: { direction, amount, reason, idempotencyKey } }) => {
    const r = await grantTenantCredits(prisma, actor, tenantId, {
      amount: direction === "deduct" ? -amount : amount,
      reason,
      idempotencyKey: `dashboard:${idempotencyKey}`,
    });
    const done = direction === "deduct" ? "Credits deducted" : "Credits granted";
    return { ok: true, message: r.replayed ? "Already applied" : done };
  },
);

export const changePlanAction = action({ ...PAGE, input: planForm }, async ({ actor, tenantId, input }) => {
  await updateTenant(prisma, actor, tenantId, { planKey: input.planKey });
  return { ok: true, message: "Plan changed" };
});

export const setStatusAction = action({ ...PAGE, input: statusForm }, async ({ actor, tenantId, input }) => {
  await updateTenant(prisma, actor, tenantId, { status: input.status });
  return { ok: true, message: input.status === "SUSPENDED" ? "Tenant suspended" : "Tenant resumed" };
});

export const createKeyAction = action({ ...PAGE, input: createKeyForm }, keys.createKeyAction);
export const approveKeyAction = action(
  KEY,
  keys.keyTransition(approveApiKey, "Key approved", "No such key for this tenant"),
);
export const revokeKeyAction = action(
  KEY,
  keys.keyTransition(revokeApiKey, "Key revoked", "No such key for this tenant"),
);

/** Read-only: runs decide() on the live snapshot; reserves and records nothing (nothing to revalidate). */
export const simulateAction = action(
  { area: "admin", bound: "tenantId", input: simulateSchema },
  async ({ tenantId, input }): Promise<SimulateState> => {
    const result = await simulateCall(prisma, pool(), tenantId, input, {
      appUrl: appUrl(),
      reservationTtlMs: env().RESERVATION_TTL_SECONDS * 1000,
    });
    return result ? { ok: true, result } : { ok: false, message: "No such tenant or key" };
  },
);
