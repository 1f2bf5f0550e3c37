// payment_method.detached – mark the card detached (terminal), no longer the default
import { syncPaymentMethod } from "@/lib/billing/mirror/payment-method";
import type { PaymentMethodShape } from "@/lib/billing/stripe-shapes";
import type { HandlerContext } from "@/lib/billing/webhooks/context";

export const handle = (ctx: HandlerContext, pm: PaymentMethodShape) => syncPaymentMethod(ctx, pm, "detached");
