"use server";

// The tenant's own key actions. The tenant is always the session's (never a form field), the
// owner role is checked here (a member's direct call is refused), and a key id from the form
// must belong to that tenant or it is "not found".
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";

import { userActor } from "@/lib/audit/actor";
import { createKeyForm, fieldErrors, formObject, keyIdForm, type ActionState } from "@/lib/dashboard/forms";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { createApiKey, revokeApiKey } from "@/lib/keys/key-lifecycle";
import { tenantScope } from "@/lib/tenants/scope";
import { requireUser } from "@/lib/web/session";

async function owner() {
  const user = await requireUser({ area: "tenant" });
  if (user.role !== "TENANT_OWNER") return null;
  return { user, actor: userActor(user.id, await headers()) };
}

const NOT_OWNER: ActionState = { ok: false, message: "Only the account owner can manage keys." };

export async function createOwnKeyAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const me = await owner();
  if (!me) return NOT_OWNER;
  const parsed = createKeyForm.safeParse(formObject(fd));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const key = await createApiKey(prisma, me.actor, me.user.tenantId, {
    name: parsed.data.name,
    requireApproval: false,
    models: [],
    dailyBudget: null,
    monthlyBudget: null,
  });
  revalidatePath("/app/keys");
  return { ok: true, message: "Key created", secret: key.secret };
}

export async function revokeOwnKeyAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const me = await owner();
  if (!me) return NOT_OWNER;
  const parsed = keyIdForm.safeParse(formObject(fd));
  if (!parsed.success) return { ok: false, message: "No key chosen" };
  const key = await prisma.apiKey.findFirst({
    where: { id: parsed.data.keyId, ...tenantScope(me.user.tenantId) },
    select: { id: true },
  });
  if (!key) return { ok: false, message: "No such key" };
  try {
    await revokeApiKey(prisma, me.actor, key.id);
  } catch (e) {
    if (e instanceof AppError) return { ok: false, message: e.detail ?? e.message };
    throw e;
  }
  revalidatePath("/app/keys");
  return { ok: true, message: "Key revoked" };
}
