// The Stripe SDK client. STRIPE_API_BASE points it at another server (stripe-mock, or the local
// server tests start) through the SDK's host/port/protocol options. Signature checks need no key.
import Stripe from "stripe";

import { env } from "@/lib/env";

export function createStripe(secretKey: string, apiBase?: string): Stripe {
  const base = apiBase ? new URL(apiBase) : null;
  return new Stripe(secretKey, {
    maxNetworkRetries: 2,
    ...(base
      ? {
          host: base.hostname,
          port: base.port || (base.protocol === "https:" ? 443 : 80),
          protocol: base.protocol === "https:" ? "https" : "http",
        }
      : {}),
  });
}

/** The configured client, or null when STRIPE_SECRET_KEY is unset (billing not configured). */
export function stripeClient(): Stripe | null {
  const e = env();
  return e.STRIPE_SECRET_KEY ? createStripe(e.STRIPE_SECRET_KEY, e.STRIPE_API_BASE) : null;
}

/** For webhook signatures only (generateTestHeaderString / constructEvent need no API key). */
export const stripeWebhooks = new Stripe("sk_test_signatures_only").webhooks;
