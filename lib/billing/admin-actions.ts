// The Stripe events page's actions: an administrator replays one event, or links a Stripe customer
// to a tenant and applies the customer's stored UNMATCHED events. The action wrapper (lib/web/action.ts)
// resolves the admin session and parses the form; these functions take the parsed input and check
// the ADMIN role again themselves, so no other caller reaches them without it. Tested on real
// PostgreSQL without Next.
import type Stripe from "stripe";
import type { z } from "zod";

import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { linkCustomerAndReplay } from "@/lib/billing/admin-link";
import type { eventIdForm, linkCustomerForm } from "@/lib/billing/forms";
import { replayStripeEvent } from "@/lib/billing/replay-event";
import type { ActionState, FieldErrors } from "@/lib/forms/action-state";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

export type AdminCaller = { role: Role; actor: AuditActor };

const NOT_ADMIN: ActionState = { ok: false, message: "Only an administrator can do this." };
/** A malformed event id: the replay button has no field to show it on, so the message says it. */
export const invalidEventId = (fieldErrors: FieldErrors): ActionState => ({
  ok: false,
  message: "Not a Stripe event id",
  fieldErrors,
});

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export async function replayEvent(
  prisma: PrismaClient,
  stripe: Stripe | null,
  caller: AdminCaller,
  { eventId }: z.output<typeof eventIdForm>,
): Promise<ActionState> {
  if (caller.role !== "ADMIN") return NOT_ADMIN;
  const r = await replayStripeEvent(prisma, stripe, eventId);
  if (r.source === "none")
    return { ok: false, message: "No such event stored, and Stripe is not configured to fetch it." };
  const event = await prisma.stripeEvent.findUnique({ where: { id: eventId }, select: { tenantId: true } });
  await prisma.$transaction((tx) =>
    recordAudit(tx, caller.actor, {
      action: "stripe_event.replay",
      tenantId: event?.tenantId ?? null,
      targetType: "StripeEvent",
      targetId: eventId,
      after: { source: r.source, ...r.result },
    }),
  );
  const o = r.result;
  return o.outcome === "failed"
    ? { ok: false, message: `Replay failed: ${o.error}` }
    : { ok: true, message: `Replayed: ${o.outcome}` };
}

export async function linkCustomer(
  prisma: PrismaClient,
  caller: AdminCaller,
  { customerId, tenantSlug }: z.output<typeof linkCustomerForm>,
): Promise<ActionState> {
  if (caller.role !== "ADMIN") return NOT_ADMIN;
  const tenant = await prisma.tenant.findUnique({
    where: { slug: tenantSlug },
    select: { id: true, name: true },
  });
  if (!tenant) return { ok: false, fieldErrors: { tenantSlug: [`No tenant has the slug “${tenantSlug}”.`] } };

  const { link, replayed } = await linkCustomerAndReplay(prisma, caller.actor, tenant.id, customerId);
  if (link.outcome === "customer_taken") {
    const owner = await prisma.tenant.findUnique({ where: { id: link.tenantId }, select: { slug: true } });
    return {
      ok: false,
      fieldErrors: {
        customerId: [`${customerId} is already linked to tenant “${owner?.slug ?? link.tenantId}”.`],
      },
    };
  }
  if (link.outcome === "tenant_has_other_customer") {
    return {
      ok: false,
      fieldErrors: { tenantSlug: [`${tenant.name} is already linked to ${link.customerId}.`] },
    };
  }
  const count = (o: string) => replayed.filter((r) => r.outcome === o).length;
  const failed = count("failed");
  // The link's own audit row (tenant.stripe_link) is written with the link; this one records what
  // the link made happen, so the audit log answers "why did these events apply now?".
  await prisma.$transaction((tx) =>
    recordAudit(tx, caller.actor, {
      action: "stripe_customer.link_replay",
      tenantId: tenant.id,
      targetType: "Tenant",
      targetId: tenant.id,
      after: {
        customerId,
        link: link.outcome,
        applied: count("processed"),
        failed,
        duplicate: count("duplicate"),
      },
    }),
  );
  const what = `${link.outcome === "linked" ? "Linked" : "Already linked:"} ${customerId} to ${tenant.name}; ${plural(count("processed"), "stored event")} applied`;
  return failed
    ? { ok: false, message: `${what}, ${failed} failed (see their errors below).` }
    : { ok: true, message: `${what}.` };
}
