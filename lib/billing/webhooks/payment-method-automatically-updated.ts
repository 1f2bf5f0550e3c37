// payment_method.automatically_updated – mirror the card the network updated (new expiry or number)
import { syncPaymentMethod } from "@/lib/billing/mirror/payment-method";
import type { PaymentMethodShape } from "@/lib/billing/stripe-shapes";
import type { HandlerContext } from "@/lib/billing/webhooks/context";

export const handle = (ctx: HandlerContext, pm: PaymentMethodShape) => syncPaymentMethod(ctx, pm, "attached");
