// Which tenant a Stripe event belongs to: by Tenant.stripeCustomerId first, then by the ids
// Tollgate itself put on Stripe objects (metadata.tenantId on customers, Checkout Sessions and
// top-up charges; client_reference_id), then by rows already mirrored (a detached card whose
// payload no longer names a customer; a dispute of a top-up's PaymentIntent). Only events signed
// with our own secret get here, so metadata is as trustworthy as the rest of the payload.
import { topUpKey } from "@/lib/billing/mirror/top-up";
import { idOf } from "@/lib/billing/stripe-shapes";
import type { StoredEvent } from "@/lib/billing/webhooks/context";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { grantLedgerKey } from "@/lib/ledger/grant-credits";

type Db = PrismaClient | Prisma.TransactionClient;

export type Resolution = {
  tenantId: string | null;
  customerId: string | null;
  /** Set when the tenant was found by metadata and has no Stripe customer yet: link it. */
  link: boolean;
};

type Expandable = string | { id: string } | null | undefined;

/** The Stripe customer an event is about (null for objects that do not name one, like disputes). */
export function customerOf(event: StoredEvent): string | null {
  const o = event.data.object;
  if (o.object === "customer") return o.id ?? null;
  return idOf(o.customer as Expandable) ?? idOf(event.data.previous_attributes?.customer as Expandable);
}

function metadataTenantId(event: StoredEvent): string | null {
  const o = event.data.object;
  const metadata = (o.metadata ?? null) as Record<string, string> | null;
  return metadata?.tenantId ?? (typeof o.client_reference_id === "string" ? o.client_reference_id : null);
}

export async function resolveTenant(
  db: Db,
  event: StoredEvent,
  customerId: string | null = customerOf(event),
): Promise<Resolution> {
  if (customerId) {
    const owner = await db.tenant.findUnique({
      where: { stripeCustomerId: customerId },
      select: { id: true },
    });
    if (owner) return { tenantId: owner.id, customerId, link: false };
  }
  const claimed = metadataTenantId(event);
  if (claimed) {
    const tenant = await db.tenant.findUnique({
      where: { id: claimed },
      select: { id: true, stripeCustomerId: true },
    });
    if (tenant)
      return {
        tenantId: tenant.id,
        customerId,
        link: customerId !== null && tenant.stripeCustomerId === null,
      };
  }
  const o = event.data.object;
  if (o.object === "payment_method" && o.id) {
    const card = await db.paymentMethod.findUnique({
      where: { stripePaymentMethodId: o.id },
      select: { tenantId: true },
    });
    if (card) return { tenantId: card.tenantId, customerId, link: false };
  }
  const paymentIntentId = idOf(o.payment_intent as Expandable);
  if (o.object === "dispute" && paymentIntentId) {
    const entry = await db.creditLedgerEntry.findFirst({
      where: { idempotencyKey: grantLedgerKey(topUpKey(paymentIntentId)) },
      select: { tenantId: true },
    });
    if (entry) return { tenantId: entry.tenantId, customerId, link: false };
  }
  return { tenantId: null, customerId, link: false };
}
