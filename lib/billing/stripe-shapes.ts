// The parts of Stripe's objects the webhook handlers read, as `Pick`s of stripe@23's own types
// (API version Stripe.API_VERSION: billing periods on subscription items, an invoice's
// subscription under parent.subscription_details). Handlers take these narrow shapes, so a full
// Stripe object is always accepted (the registry checks that), and test events built from them are
// checked by the compiler field by field.
import type Stripe from "stripe";

type Id<T> = string | T;

export type CustomerShape = Pick<
  Stripe.Customer,
  "id" | "object" | "email" | "name" | "metadata" | "created"
> & {
  invoice_settings: Pick<Stripe.Customer.InvoiceSettings, "default_payment_method">;
};

export type SubscriptionItemShape = Pick<
  Stripe.SubscriptionItem,
  "id" | "object" | "current_period_start" | "current_period_end" | "quantity"
> & {
  price: Pick<Stripe.Price, "id" | "object">;
};

export type SubscriptionShape = Pick<
  Stripe.Subscription,
  "id" | "object" | "status" | "cancel_at_period_end" | "canceled_at" | "trial_end" | "created" | "metadata"
> & {
  customer: Id<Stripe.Customer | Stripe.DeletedCustomer>;
  items: { object: "list"; data: SubscriptionItemShape[] };
};

export type InvoiceShape = Pick<
  Stripe.Invoice,
  | "id"
  | "object"
  | "number"
  | "status"
  | "amount_due"
  | "amount_paid"
  | "amount_remaining"
  | "currency"
  | "hosted_invoice_url"
  | "period_start"
  | "period_end"
  | "due_date"
  | "created"
> & {
  customer: Id<Stripe.Customer | Stripe.DeletedCustomer> | null;
  status_transitions: Pick<Stripe.Invoice.StatusTransitions, "paid_at">;
  parent: {
    subscription_details: Pick<Stripe.Invoice.Parent.SubscriptionDetails, "subscription"> | null;
  } | null;
};

export type PaymentMethodShape = Pick<Stripe.PaymentMethod, "id" | "object" | "type" | "created"> & {
  customer: Id<Stripe.Customer> | null;
  card?: Pick<Stripe.PaymentMethod.Card, "brand" | "last4" | "exp_month" | "exp_year">;
};

export type CheckoutSessionShape = Pick<
  Stripe.Checkout.Session,
  | "id"
  | "object"
  | "mode"
  | "status"
  | "payment_status"
  | "amount_total"
  | "currency"
  | "client_reference_id"
  | "metadata"
  | "created"
> & {
  customer: Id<Stripe.Customer | Stripe.DeletedCustomer> | null;
  subscription: Id<Stripe.Subscription> | null;
  payment_intent: Id<Stripe.PaymentIntent> | null;
};

export type ChargeShape = Pick<
  Stripe.Charge,
  "id" | "object" | "amount" | "amount_refunded" | "currency" | "refunded" | "metadata" | "created"
> & {
  customer: Id<Stripe.Customer | Stripe.DeletedCustomer> | null;
  payment_intent: Id<Stripe.PaymentIntent> | null;
};

export type DisputeShape = Pick<
  Stripe.Dispute,
  "id" | "object" | "amount" | "currency" | "reason" | "status" | "created"
> & {
  charge: Id<Stripe.Charge>;
  payment_intent: Id<Stripe.PaymentIntent> | null;
};

/** The id of an expandable field (a string or an expanded object), or null. */
export function idOf(value: string | { id: string } | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === "string" ? value : value.id;
}

/** Stripe's unix seconds as a Date (null stays null). */
export function fromUnix(seconds: number): Date;
export function fromUnix(seconds: number | null | undefined): Date | null;
export function fromUnix(seconds: number | null | undefined): Date | null {
  return seconds === null || seconds === undefined ? null : new Date(seconds * 1000);
}
