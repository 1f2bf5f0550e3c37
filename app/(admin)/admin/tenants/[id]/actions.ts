"use server";

// Server actions of the admin tenant page. Each checks the admin session itself (the page's
// guard does not cover an action called directly), parses its form with the shared zod schema,
// calls the same lib/admin function the admin API uses (locked, audited in its transaction) and
// revalidates the page so the change shows at once.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";

import { userActor } from "@/lib/audit/actor";
import {
  createKeyForm,
  creditsForm,
  fieldErrors,
  formObject,
  keyIdForm,
  planForm,
  simulateSchema,
  statusForm,
  type ActionState,
} from "@/lib/dashboard/forms";
import { simulateCall, type SimulationResult } from "@/lib/dashboard/simulate";
import { prisma } from "@/lib/db";
import { pool } from "@/lib/db/pool";
import { appUrl, env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { approveApiKey, createApiKey, revokeApiKey } from "@/lib/keys/key-lifecycle";
import { grantTenantCredits } from "@/lib/ledger/operator-grant";
import { tenantScope } from "@/lib/tenants/scope";
import { updateTenant } from "@/lib/tenants/update-tenant";
import { requireUser } from "@/lib/web/session";

const tenantIdSchema = z.string().min(1).max(100);

async function adminActor() {
  const user = await requireUser({ area: "admin" });
  return userActor(user.id, await headers());
}

/** Expected failures (unknown tenant, a deduction past zero) become a message; the rest throw. */
function failed(e: unknown): ActionState {
  if (e instanceof AppError) return { ok: false, message: e.detail ?? e.message };
  throw e;
}

const done = (tenantId: string, message: string, extra: Partial<ActionState> = {}): ActionState => {
  revalidatePath(`/admin/tenants/${tenantId}`);
  return { ok: true, message, ...extra };
};

export async function grantCreditsAction(
  tenantId: string,
  _prev: ActionState,
  fd: FormData,
): Promise<ActionState> {
  const actor = await adminActor();
  const parsed = creditsForm.extend({ idempotencyKey: z.uuid() }).safeParse(formObject(fd));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const { direction, amount, reason, idempotencyKey } = parsed.data;
  try {
    const r = await grantTenantCredits(prisma, actor, tenantIdSchema.parse(tenantId), {
      amount: direction === "deduct" ? -amount : amount,
      reason,
      idempotencyKey: `dashboard:${idempotencyKey}`,
    });
    return done(
      tenantId,
      r.replayed ? "Already applied" : direction === "deduct" ? "Credits deducted" : "Credits granted",
    );
  } catch (e) {
    return failed(e);
  }
}

export async function changePlanAction(
  tenantId: string,
  _prev: ActionState,
  fd: FormData,
): Promise<ActionState> {
  const actor = await adminActor();
  const parsed = planForm.safeParse(formObject(fd));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  try {
    await updateTenant(prisma, actor, tenantIdSchema.parse(tenantId), { planKey: parsed.data.planKey });
    return done(tenantId, "Plan changed");
  } catch (e) {
    return failed(e);
  }
}

export async function setStatusAction(
  tenantId: string,
  _prev: ActionState,
  fd: FormData,
): Promise<ActionState> {
  const actor = await adminActor();
  const parsed = statusForm.safeParse(formObject(fd));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  try {
    await updateTenant(prisma, actor, tenantIdSchema.parse(tenantId), { status: parsed.data.status });
    return done(tenantId, parsed.data.status === "SUSPENDED" ? "Tenant suspended" : "Tenant resumed");
  } catch (e) {
    return failed(e);
  }
}

export async function createKeyAction(
  tenantId: string,
  _prev: ActionState,
  fd: FormData,
): Promise<ActionState> {
  const actor = await adminActor();
  const parsed = createKeyForm.safeParse(formObject(fd));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  try {
    const key = await createApiKey(prisma, actor, tenantIdSchema.parse(tenantId), {
      name: parsed.data.name,
      requireApproval: parsed.data.requireApproval,
      models: [],
      dailyBudget: null,
      monthlyBudget: null,
    });
    return done(tenantId, "Key created", { secret: key.secret });
  } catch (e) {
    return failed(e);
  }
}

/** Approve or revoke: the key must belong to this page's tenant (a forged key id is "not found"). */
async function keyTransition(
  tenantId: string,
  fd: FormData,
  run: typeof approveApiKey,
  message: string,
): Promise<ActionState> {
  const actor = await adminActor();
  const parsed = keyIdForm.safeParse(formObject(fd));
  if (!parsed.success) return { ok: false, message: "No key chosen" };
  const owned = await prisma.apiKey.findFirst({
    where: { id: parsed.data.keyId, ...tenantScope(tenantIdSchema.parse(tenantId)) },
    select: { id: true },
  });
  if (!owned) return { ok: false, message: "No such key for this tenant" };
  try {
    await run(prisma, actor, owned.id);
    return done(tenantId, message);
  } catch (e) {
    return failed(e);
  }
}

export async function approveKeyAction(tenantId: string, _prev: ActionState, fd: FormData) {
  return keyTransition(tenantId, fd, approveApiKey, "Key approved");
}

export async function revokeKeyAction(tenantId: string, _prev: ActionState, fd: FormData) {
  return keyTransition(tenantId, fd, revokeApiKey, "Key revoked");
}

export type SimulateState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  result?: SimulationResult;
};

/** Read-only: runs decide() on the live snapshot; reserves and records nothing. */
export async function simulateAction(
  tenantId: string,
  _prev: SimulateState,
  fd: FormData,
): Promise<SimulateState> {
  await adminActor();
  const parsed = simulateSchema.safeParse(formObject(fd));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const result = await simulateCall(prisma, pool(), tenantIdSchema.parse(tenantId), parsed.data, {
    appUrl: appUrl(),
    reservationTtlMs: env().RESERVATION_TTL_SECONDS * 1000,
  });
  if (!result) return { ok: false, message: "No such tenant or key" };
  return { ok: true, result };
}
