"use server";
// Replaying a Stripe event from the admin page: the same lib/billing function as
// `npm run stripe:replay` (order-guarded handlers, idempotent grants — safe to repeat), audited.
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { recordAudit } from "@/lib/audit/record";
import { replayStripeEvent } from "@/lib/billing/replay-event";
import { stripeClient } from "@/lib/billing/stripe-client";
import { prisma } from "@/lib/db";
import { userActor } from "@/lib/dashboard/actor";
import { eventIdForm, formObject, type ActionState } from "@/lib/dashboard/forms";
import { requireUser } from "@/lib/web/session";

export async function replayEventAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const user = await requireUser({ area: "admin" });
  const parsed = eventIdForm.safeParse(formObject(fd));
  if (!parsed.success) return { ok: false, message: "Not a Stripe event id" };
  const actor = userActor(user.id, await headers());
  const r = await replayStripeEvent(prisma, stripeClient(), parsed.data.eventId);
  if (r.source === "none") return { ok: false, message: "No such event stored, and Stripe is not configured to fetch it." };
  const event = await prisma.stripeEvent.findUnique({ where: { id: parsed.data.eventId }, select: { tenantId: true } });
  await prisma.$transaction((tx) => recordAudit(tx, actor, {
    action: "stripe_event.replay", tenantId: event?.tenantId ?? null, targetType: "StripeEvent", targetId: parsed.data.eventId, after: r.result,
  }));
  revalidatePath("/admin/stripe-events");
  const o = r.result;
  return o.outcome === "failed" ? { ok: false, message: `Replay failed: ${o.error}` } : { ok: true, message: `Replayed: ${o.outcome}` };
}
