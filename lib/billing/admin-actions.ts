// The Stripe events page's action bodies: an administrator replays one event, or links a Stripe
// customer to a tenant and applies the customer's stored UNMATCHED events. The "use server" file
// (app/(admin)/admin/stripe-events/actions.ts) resolves the session; these bodies check the ADMIN
// role again themselves, so no other caller can reach them without it, and they are tested on
// real PostgreSQL without Next.
import type Stripe from "stripe";

import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { linkCustomerAndReplay } from "@/lib/billing/admin-link";
import { replayStripeEvent } from "@/lib/billing/replay-event";
import {
  eventIdForm,
  fieldErrors,
  formObject,
  linkCustomerForm,
  type ActionState,
} from "@/lib/dashboard/forms";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/web/area-access";

export type AdminCaller = { role: Role; actor: AuditActor };

const NOT_ADMIN: ActionState = { ok: false, message: "Only an administrator can do this." };
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export async function replayEventBody(
  prisma: PrismaClient,
  stripe: Stripe | null,
  caller: AdminCaller,
  fd: FormData,
): Promise<ActionState> {
  if (caller.role !== "ADMIN") return NOT_ADMIN;
  const parsed = eventIdForm.safeParse(formObject(fd));
  if (!parsed.success)
    return { ok: false, message: "Not a Stripe event id", fieldErrors: fieldErrors(parsed.error) };
  const { eventId } = parsed.data;
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

export async function linkCustomerBody(
  prisma: PrismaClient,
  caller: AdminCaller,
  fd: FormData,
): Promise<ActionState> {
  if (caller.role !== "ADMIN") return NOT_ADMIN;
  const parsed = linkCustomerForm.safeParse(formObject(fd));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const { customerId, tenantSlug } = parsed.data;
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
