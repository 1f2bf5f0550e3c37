// invoice.payment_failed – mirror the failed attempt (the subscription's past_due comes in its own event)
import { syncInvoice } from "@/lib/billing/mirror/invoice";
import type { InvoiceShape } from "@/lib/billing/stripe-shapes";
import type { HandlerContext } from "@/lib/billing/webhooks/context";

export const handle = (ctx: HandlerContext, invoice: InvoiceShape) => syncInvoice(ctx, invoice);
