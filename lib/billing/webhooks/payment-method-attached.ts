// payment_method.attached – mirror the card on the tenant
import type { HandlerContext } from "@/lib/billing/webhooks/context";
import { syncPaymentMethod } from "@/lib/billing/mirror/payment-method";
import type { PaymentMethodShape } from "@/lib/billing/stripe-shapes";

export const handle = (ctx: HandlerContext, pm: PaymentMethodShape) => syncPaymentMethod(ctx, pm, "attached");
