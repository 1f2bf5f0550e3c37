// payment_method.detached – mark the card detached (terminal), no longer the default
import type { HandlerContext } from "@/lib/billing/webhooks/context";
import { syncPaymentMethod } from "@/lib/billing/mirror/payment-method";
import type { PaymentMethodShape } from "@/lib/billing/stripe-shapes";

export const handle = (ctx: HandlerContext, pm: PaymentMethodShape) => syncPaymentMethod(ctx, pm, "detached");
