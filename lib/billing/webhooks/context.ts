// What every webhook handler receives: the transaction the event's own StripeEvent row is locked
// in (mirror writes commit with the event's PROCESSED status, or not at all), the tenant the
// event belongs to, and an audit writer that names the event as the cause.
import type Stripe from "stripe";

import { recordAudit, type AuditEntry } from "@/lib/audit/record";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/** A verified or stored event (or a reconcile run posing as one: type "reconcile"). */
export type StoredEvent = Pick<Stripe.Event, "id" | "created" | "livemode"> & {
  type: string;
  data: {
    object: { id?: string; object: string } & Record<string, unknown>;
    previous_attributes?: Record<string, unknown>;
  };
};

export type HandlerContext = {
  tx: Prisma.TransactionClient;
  /** For the ledger, whose functions open their own (idempotent) transaction. */
  prisma: PrismaClient;
  event: StoredEvent;
  /** event.created: the clock an object's last write is compared with. */
  at: Date;
  tenantId: string;
  customerId: string | null;
  /** With STRIPE_SECRET_KEY: reads an object whose same-second events do not order (mirror/newest-snapshot.ts). */
  stripe?: Stripe | null;
  audit(entry: Omit<AuditEntry, "causeId" | "tenantId">): Promise<void>;
};

export const STRIPE_ACTOR = { kind: "STRIPE", id: null, ip: null } as const;

export function handlerContext(
  tx: Prisma.TransactionClient,
  prisma: PrismaClient,
  event: StoredEvent,
  tenantId: string,
  customerId: string | null,
): HandlerContext {
  return {
    tx,
    prisma,
    event,
    tenantId,
    customerId,
    at: new Date(event.created * 1000),
    audit: (entry) => recordAudit(tx, STRIPE_ACTOR, { ...entry, tenantId, causeId: event.id }),
  };
}
