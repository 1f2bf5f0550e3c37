// The allow-list of Stripe event types Tollgate applies, one handler file per type. The mapped
// type checks every handler against the event's real payload type: a handler's narrow shape must
// accept the full Stripe object of its event. Anything else is recorded as IGNORED.
import type Stripe from "stripe";

import { handle as chargeDisputeCreated } from "@/lib/billing/webhooks/charge-dispute-created";
import { handle as chargeRefunded } from "@/lib/billing/webhooks/charge-refunded";
import { handle as checkoutSessionCompleted } from "@/lib/billing/webhooks/checkout-session-completed";
import type { HandlerContext } from "@/lib/billing/webhooks/context";
import { handle as customerCreated } from "@/lib/billing/webhooks/customer-created";
import { handle as customerDeleted } from "@/lib/billing/webhooks/customer-deleted";
import { handle as customerSubscriptionCreated } from "@/lib/billing/webhooks/customer-subscription-created";
import { handle as customerSubscriptionDeleted } from "@/lib/billing/webhooks/customer-subscription-deleted";
import { handle as customerSubscriptionPaused } from "@/lib/billing/webhooks/customer-subscription-paused";
import { handle as customerSubscriptionResumed } from "@/lib/billing/webhooks/customer-subscription-resumed";
import { handle as customerSubscriptionTrialWillEnd } from "@/lib/billing/webhooks/customer-subscription-trial-will-end";
import { handle as customerSubscriptionUpdated } from "@/lib/billing/webhooks/customer-subscription-updated";
import { handle as customerUpdated } from "@/lib/billing/webhooks/customer-updated";
import { handle as invoiceFinalized } from "@/lib/billing/webhooks/invoice-finalized";
import { handle as invoiceMarkedUncollectible } from "@/lib/billing/webhooks/invoice-marked-uncollectible";
import { handle as invoicePaid } from "@/lib/billing/webhooks/invoice-paid";
import { handle as invoicePaymentActionRequired } from "@/lib/billing/webhooks/invoice-payment-action-required";
import { handle as invoicePaymentFailed } from "@/lib/billing/webhooks/invoice-payment-failed";
import { handle as invoiceVoided } from "@/lib/billing/webhooks/invoice-voided";
import { handle as paymentMethodAttached } from "@/lib/billing/webhooks/payment-method-attached";
import { handle as paymentMethodAutomaticallyUpdated } from "@/lib/billing/webhooks/payment-method-automatically-updated";
import { handle as paymentMethodDetached } from "@/lib/billing/webhooks/payment-method-detached";
import { handle as paymentMethodUpdated } from "@/lib/billing/webhooks/payment-method-updated";

export const HANDLED_EVENT_TYPES = [
  "checkout.session.completed",
  "customer.created",
  "customer.updated",
  "customer.deleted",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "customer.subscription.paused",
  "customer.subscription.resumed",
  "customer.subscription.trial_will_end",
  "invoice.paid",
  "invoice.payment_failed",
  "invoice.finalized",
  "invoice.marked_uncollectible",
  "invoice.voided",
  "invoice.payment_action_required",
  "payment_method.attached",
  "payment_method.detached",
  "payment_method.updated",
  "payment_method.automatically_updated",
  "charge.refunded",
  "charge.dispute.created",
] as const satisfies readonly Stripe.Event.Type[];

export type HandledEventType = (typeof HANDLED_EVENT_TYPES)[number];
type EventObject<T extends Stripe.Event.Type> = Extract<Stripe.Event, { type: T }>["data"]["object"];
type Registry = { [T in HandledEventType]: (ctx: HandlerContext, object: EventObject<T>) => Promise<void> };

const HANDLERS: Registry = {
  "checkout.session.completed": checkoutSessionCompleted,
  "customer.created": customerCreated,
  "customer.updated": customerUpdated,
  "customer.deleted": customerDeleted,
  "customer.subscription.created": customerSubscriptionCreated,
  "customer.subscription.updated": customerSubscriptionUpdated,
  "customer.subscription.deleted": customerSubscriptionDeleted,
  "customer.subscription.paused": customerSubscriptionPaused,
  "customer.subscription.resumed": customerSubscriptionResumed,
  "customer.subscription.trial_will_end": customerSubscriptionTrialWillEnd,
  "invoice.paid": invoicePaid,
  "invoice.payment_failed": invoicePaymentFailed,
  "invoice.finalized": invoiceFinalized,
  "invoice.marked_uncollectible": invoiceMarkedUncollectible,
  "invoice.voided": invoiceVoided,
  "invoice.payment_action_required": invoicePaymentActionRequired,
  "payment_method.attached": paymentMethodAttached,
  "payment_method.detached": paymentMethodDetached,
  "payment_method.updated": paymentMethodUpdated,
  "payment_method.automatically_updated": paymentMethodAutomaticallyUpdated,
  "charge.refunded": chargeRefunded,
  "charge.dispute.created": chargeDisputeCreated,
};

const HANDLED: ReadonlySet<string> = new Set(HANDLED_EVENT_TYPES);

export function isHandled(type: string): type is HandledEventType {
  return HANDLED.has(type);
}

/** Runs the handler of a handled type on a verified (or stored) event's object. */
export function runHandler(type: HandledEventType, ctx: HandlerContext, object: unknown): Promise<void> {
  // Sound: the object comes from an event of this type, whose payload the registry's types describe.
  return (HANDLERS[type] as (ctx: HandlerContext, object: unknown) => Promise<void>)(ctx, object);
}
