// invoice.payment_action_required – mirror the invoice awaiting customer action (3-D Secure)
import { syncInvoice } from "@/lib/billing/mirror/invoice";
import type { InvoiceShape } from "@/lib/billing/stripe-shapes";
import type { HandlerContext } from "@/lib/billing/webhooks/context";

export const handle = (ctx: HandlerContext, invoice: InvoiceShape) => syncInvoice(ctx, invoice);
