// What the key actions of both dashboard areas do and answer (the tenant's own keys page and the
// admin tenant page): already-parsed input in, the key lifecycle called, an ActionState out.
// Session, role and form parsing are the action wrapper's (lib/web/action.ts).
import type { AuditActor } from "@/lib/audit/record";
import { prisma } from "@/lib/db";
import { tenantScope } from "@/lib/db/tenant-scope";
import type { ActionState } from "@/lib/forms/action-state";
import { approveApiKey, createApiKey } from "@/lib/keys/key-lifecycle";

type Command<I> = { actor: AuditActor; tenantId: string; input: I };

/** The answer to a key form whose hidden key id does not parse. */
export const NO_KEY_CHOSEN: ActionState = { ok: false, message: "No key chosen" };

/** A new key; its secret is in this one answer and nowhere else. */
export async function createKeyAction({
  actor,
  tenantId,
  input,
}: Command<{ name: string; requireApproval?: boolean }>): Promise<ActionState> {
  const key = await createApiKey(prisma, actor, tenantId, {
    name: input.name,
    requireApproval: input.requireApproval ?? false,
    models: [],
    dailyBudget: null,
    monthlyBudget: null,
  });
  return { ok: true, message: "Key created", secret: key.secret };
}

/**
 * Approve or revoke: the key must belong to the action's tenant (a forged key id is `notFound`);
 * an AppError from the lifecycle (a revoked key cannot be approved) is the wrapper's message.
 */
export function keyTransition(run: typeof approveApiKey, done: string, notFound: string) {
  return async ({ actor, tenantId, input }: Command<{ keyId: string }>): Promise<ActionState> => {
    const owned = await prisma.apiKey.findFirst({
      where: { id: input.keyId, ...tenantScope(tenantId) },
      select: { id: true },
    });
    if (!owned) return { ok: false, message: notFound };
    await run(prisma, actor, owned.id);
    return { ok: true, message: done };
  };
}
