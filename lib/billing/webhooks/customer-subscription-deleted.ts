// customer.subscription.deleted – mirror the end of the subscription (terminal: later snapshots never revive it)
import { syncSubscription } from "@/lib/billing/mirror/subscription";
import type { SubscriptionShape } from "@/lib/billing/stripe-shapes";
import type { HandlerContext } from "@/lib/billing/webhooks/context";

export const handle = (ctx: HandlerContext, sub: SubscriptionShape) => syncSubscription(ctx, sub);
