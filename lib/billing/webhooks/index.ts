// The Stripe event types Tollgate applies: this registry is the allow-list (anything else is
// recorded as IGNORED). Most types converge on one sync path per Stripe object (documenso's
// one-sync-for-many-events): the handler re-reads the event's snapshot and writes the mirror, so
// a type is handled by naming its sync here. Only handlers with logic of their own have a file.
// `satisfies` checks every handler against the event's real payload type: a handler's narrow
// shape must accept the full Stripe object of its event.
import type Stripe from "stripe";

import { syncInvoice } from "@/lib/billing/mirror/invoice";
import { syncPaymentMethod } from "@/lib/billing/mirror/payment-method";
import { syncSubscription } from "@/lib/billing/mirror/subscription";
import { handle as chargeDisputeCreated } from "@/lib/billing/webhooks/charge-dispute-created";
import { handle as chargeRefunded } from "@/lib/billing/webhooks/charge-refunded";
import { handle as checkoutSessionCompleted } from "@/lib/billing/webhooks/checkout-session-completed";
import type { HandlerContext } from "@/lib/billing/webhooks/context";
import { handle as customerDeleted } from "@/lib/billing/webhooks/customer-deleted";
import { syncCustomer } from "@/lib/billing/webhooks/customer-sync";
import { handle as invoicePaid } from "@/lib/billing/webhooks/invoice-paid";

type EventObject<T extends Stripe.Event.Type> = Extract<Stripe.Event, { type: T }>["data"]["object"];
type Registry = { [T in Stripe.Event.Type]?: (ctx: HandlerContext, object: EventObject<T>) => Promise<void> };

const HANDLERS = {
  // a paid top-up grants its credits once; a subscription checkout links the customer
  "checkout.session.completed": checkoutSessionCompleted,
  // the customer's default card (linking by metadata.tenantId happens before the handler)
  "customer.created": syncCustomer,
  // the default card (invoice_settings.default_payment_method)
  "customer.updated": syncCustomer,
  // the customer's cards are gone; the link is kept so late events still find the tenant
  "customer.deleted": customerDeleted,
  // mirror the new subscription (plan from its price)
  "customer.subscription.created": syncSubscription,
  // mirror the subscription's new state
  "customer.subscription.updated": syncSubscription,
  // mirror the end of the subscription (terminal: later snapshots never revive it)
  "customer.subscription.deleted": syncSubscription,
  // mirror the subscription's new state
  "customer.subscription.paused": syncSubscription,
  // mirror the subscription's new state
  "customer.subscription.resumed": syncSubscription,
  // refresh the mirror from the snapshot (trial end, status)
  "customer.subscription.trial_will_end": syncSubscription,
  // mirror the paid invoice and recover its subscription if it was overdue
  "invoice.paid": invoicePaid,
  // mirror the failed attempt (the subscription's past_due comes in its own event)
  "invoice.payment_failed": syncInvoice,
  // mirror the invoice (now open, with its hosted URL)
  "invoice.finalized": syncInvoice,
  // mirror the invoice as uncollectible
  "invoice.marked_uncollectible": syncInvoice,
  // mirror the invoice as void (terminal)
  "invoice.voided": syncInvoice,
  // mirror the invoice awaiting customer action (3-D Secure)
  "invoice.payment_action_required": syncInvoice,
  // mirror the card on the tenant
  "payment_method.attached": (ctx, pm) => syncPaymentMethod(ctx, pm, "attached"),
  // mark the card detached (terminal), no longer the default
  "payment_method.detached": (ctx, pm) => syncPaymentMethod(ctx, pm, "detached"),
  // mirror the card's new details (expiry)
  "payment_method.updated": (ctx, pm) => syncPaymentMethod(ctx, pm, "attached"),
  // mirror the card the network updated (new expiry or number)
  "payment_method.automatically_updated": (ctx, pm) => syncPaymentMethod(ctx, pm, "attached"),
  // claw back the refunded part of a top-up (never below zero; the rest is a recorded shortfall)
  "charge.refunded": chargeRefunded,
  // flag the tenant for an administrator's review
  "charge.dispute.created": chargeDisputeCreated,
} satisfies Registry;

export type HandledEventType = keyof typeof HANDLERS;
export const HANDLED_EVENT_TYPES = Object.keys(HANDLERS) as HandledEventType[];

const HANDLED: ReadonlySet<string> = new Set(HANDLED_EVENT_TYPES);

export function isHandled(type: string): type is HandledEventType {
  return HANDLED.has(type);
}

/** Runs the handler of a handled type on a verified (or stored) event's object. */
export function runHandler(type: HandledEventType, ctx: HandlerContext, object: unknown): Promise<void> {
  // Sound: the object comes from an event of this type, whose payload the registry's types describe.
  return (HANDLERS[type] as (ctx: HandlerContext, object: unknown) => Promise<void>)(ctx, object);
}
