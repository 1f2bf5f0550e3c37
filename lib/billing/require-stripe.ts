// The Stripe client for a payment the tenant owner asked for, or 503 billing_not_configured: the
// demo runs without STRIPE_SECRET_KEY, and then there is no Checkout or Portal to send anyone to.
import type Stripe from "stripe";

import { stripeClient } from "@/lib/billing/stripe-client";
import { AppError } from "@/lib/errors/app-error";

export function requireStripe(): Stripe {
  const stripe = stripeClient();
  if (!stripe)
    throw new AppError(
      "billing_not_configured",
      "Set STRIPE_SECRET_KEY to take payments (see README, Stripe).",
    );
  return stripe;
}
