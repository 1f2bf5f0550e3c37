// customer.subscription.trial_will_end – refresh the mirror from the snapshot (trial end, status)
import { syncSubscription } from "@/lib/billing/mirror/subscription";
import type { SubscriptionShape } from "@/lib/billing/stripe-shapes";
import type { HandlerContext } from "@/lib/billing/webhooks/context";

export const handle = (ctx: HandlerContext, sub: SubscriptionShape) => syncSubscription(ctx, sub);
