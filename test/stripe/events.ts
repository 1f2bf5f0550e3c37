// Stripe objects and events for tests, typed with the shapes the handlers read (Picks of
// stripe@23's own types), with every field a handler reads set as Stripe sets it in API version
// Stripe.API_VERSION. Signed like Stripe signs them, with generateTestHeaderString.
import Stripe from "stripe";

import { stripeWebhooks } from "@/lib/billing/stripe-client";
import type {
  ChargeShape,
  CheckoutSessionShape,
  CustomerShape,
  DisputeShape,
  InvoiceShape,
  PaymentMethodShape,
  SubscriptionShape,
} from "@/lib/billing/stripe-shapes";
import type { HandledEventType } from "@/lib/billing/webhooks";

type Shapes = {
  "checkout.session.completed": CheckoutSessionShape;
  "customer.created": CustomerShape;
  "customer.updated": CustomerShape;
  "customer.deleted": CustomerShape;
  "customer.subscription.created": SubscriptionShape;
  "customer.subscription.updated": SubscriptionShape;
  "customer.subscription.deleted": SubscriptionShape;
  "customer.subscription.paused": SubscriptionShape;
  "customer.subscription.resumed": SubscriptionShape;
  "customer.subscription.trial_will_end": SubscriptionShape;
  "invoice.paid": InvoiceShape;
  "invoice.payment_failed": InvoiceShape;
  "invoice.finalized": InvoiceShape;
  "invoice.marked_uncollectible": InvoiceShape;
  "invoice.voided": InvoiceShape;
  "invoice.payment_action_required": InvoiceShape;
  "payment_method.attached": PaymentMethodShape;
  "payment_method.detached": PaymentMethodShape;
  "payment_method.updated": PaymentMethodShape;
  "payment_method.automatically_updated": PaymentMethodShape;
  "charge.refunded": ChargeShape;
  "charge.dispute.created": DisputeShape;
};

export type TestEvent<T extends HandledEventType = HandledEventType> = Pick<
  Stripe.EventBase,
  "id" | "object" | "api_version" | "created" | "livemode" | "pending_webhooks" | "request"
> & {
  type: T;
  data: { object: Shapes[T]; previous_attributes?: Partial<Shapes[T]> & Record<string, unknown> };
};

let seq = 0;
const nextId = (prefix: string) =>
  `${prefix}_test${(++seq).toString().padStart(6, "0")}${Math.random().toString(36).slice(2, 8)}`;

export function event<T extends HandledEventType>(
  type: T,
  object: Shapes[T],
  created: number,
  extra: { id?: string; previous_attributes?: TestEvent<T>["data"]["previous_attributes"] } = {},
): TestEvent<T> {
  return {
    id: extra.id ?? nextId("evt"),
    object: "event",
    api_version: Stripe.API_VERSION,
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: {
      object,
      ...(extra.previous_attributes ? { previous_attributes: extra.previous_attributes } : {}),
    },
  };
}

/** An unhandled type, for the IGNORED path. */
export function otherEvent(
  type: Stripe.Event.Type,
  created: number,
): Omit<TestEvent, "type" | "data"> & { type: string; data: { object: { id: string; object: string } } } {
  return {
    ...event("customer.created", customer({ id: "cus_other" }), created),
    type,
    data: { object: { id: nextId("obj"), object: "balance" } },
  };
}

export function customer(o: Partial<CustomerShape> & { id: string }): CustomerShape {
  return {
    object: "customer",
    email: "billing@example.com",
    name: "Example",
    metadata: {},
    created: 1_767_225_600,
    invoice_settings: { default_payment_method: null },
    ...o,
  };
}

export function subscription(
  o: {
    id: string;
    customer: string;
    status: Stripe.Subscription.Status;
    priceId: string;
    periodStart: number;
    periodEnd: number;
  } & Partial<SubscriptionShape>,
): SubscriptionShape {
  const { priceId, periodStart, periodEnd, ...rest } = o;
  return {
    object: "subscription",
    cancel_at_period_end: false,
    canceled_at: null,
    trial_end: null,
    created: periodStart,
    metadata: {},
    items: {
      object: "list",
      data: [
        {
          id: `si_${o.id.slice(4)}`,
          object: "subscription_item",
          quantity: 1,
          current_period_start: periodStart,
          current_period_end: periodEnd,
          price: { id: priceId, object: "price" },
        },
      ],
    },
    ...rest,
  };
}

export function invoice(
  o: {
    id: string;
    customer: string;
    subscription: string | null;
    status: Stripe.Invoice.Status;
    amountDue: number;
  } & Partial<InvoiceShape>,
): InvoiceShape {
  const { subscription: sub, amountDue, ...rest } = o;
  const paid = o.status === "paid";
  return {
    object: "invoice",
    number: `TG-${o.id.slice(-4).toUpperCase()}`,
    amount_due: amountDue,
    amount_paid: paid ? amountDue : 0,
    amount_remaining: paid || o.status === "void" ? 0 : amountDue,
    currency: "usd",
    hosted_invoice_url: `https://invoice.stripe.com/i/${o.id}`,
    period_start: 1_767_225_600,
    period_end: 1_769_904_000,
    due_date: null,
    created: 1_769_904_000,
    status_transitions: { paid_at: paid ? (o.created ?? 1_769_904_000) : null },
    parent: sub ? { subscription_details: { subscription: sub } } : null,
    ...rest,
  };
}

export function card(o: {
  id: string;
  customer: string | null;
  last4?: string;
  expMonth?: number;
  expYear?: number;
  brand?: string;
}): PaymentMethodShape {
  return {
    id: o.id,
    object: "payment_method",
    type: "card",
    created: 1_767_225_600,
    customer: o.customer,
    card: {
      brand: o.brand ?? "visa",
      last4: o.last4 ?? "4242",
      exp_month: o.expMonth ?? 12,
      exp_year: o.expYear ?? 2030,
    },
  };
}

export function checkoutSession(
  o: {
    id: string;
    customer: string | null;
    tenantId: string;
    amountCents: number;
    paymentIntent: string;
  } & Partial<CheckoutSessionShape>,
): CheckoutSessionShape {
  const { tenantId, amountCents, paymentIntent, ...rest } = o;
  return {
    object: "checkout.session",
    mode: "payment",
    status: "complete",
    payment_status: "paid",
    amount_total: amountCents,
    currency: "usd",
    client_reference_id: tenantId,
    metadata: { tenantId, kind: "top_up", credits: String(BigInt(amountCents) * 10_000n) },
    created: 1_767_225_600,
    subscription: null,
    payment_intent: paymentIntent,
    ...rest,
  };
}

export function charge(
  o: {
    id: string;
    customer: string | null;
    tenantId: string;
    amountCents: number;
    refundedCents: number;
    paymentIntent: string;
  } & Partial<ChargeShape>,
): ChargeShape {
  const { tenantId, amountCents, refundedCents, paymentIntent, ...rest } = o;
  return {
    object: "charge",
    amount: amountCents,
    amount_refunded: refundedCents,
    currency: "usd",
    refunded: refundedCents === amountCents,
    created: 1_767_225_600,
    metadata: { tenantId, kind: "top_up", credits: String(BigInt(amountCents) * 10_000n) },
    payment_intent: paymentIntent,
    ...rest,
  };
}

export function dispute(o: {
  id: string;
  charge: string;
  paymentIntent: string | null;
  amountCents: number;
}): DisputeShape {
  return {
    id: o.id,
    object: "dispute",
    amount: o.amountCents,
    currency: "usd",
    reason: "fraudulent",
    status: "needs_response",
    created: 1_767_225_600,
    charge: o.charge,
    payment_intent: o.paymentIntent,
  };
}

export const TEST_WEBHOOK_SECRET = "whsec_test_tollgate_0123456789abcdef";

/** POSTs an event signed as Stripe signs it (or with the given header), returning the Response. */
export function postEvent(
  url: string,
  body: object | string,
  opts: { secret?: string; timestamp?: number; header?: string | null } = {},
): Promise<Response> {
  const payload = typeof body === "string" ? body : JSON.stringify(body);
  const header =
    opts.header !== undefined
      ? opts.header
      : stripeWebhooks.generateTestHeaderString({
          payload,
          secret: opts.secret ?? TEST_WEBHOOK_SECRET,
          timestamp: opts.timestamp,
        });
  return fetch(`${url}/api/stripe/webhook`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      ...(header === null ? {} : { "Stripe-Signature": header }),
    },
    body: payload,
  });
}
