// invoice.voided – mirror the invoice as void (terminal)
import { syncInvoice } from "@/lib/billing/mirror/invoice";
import type { InvoiceShape } from "@/lib/billing/stripe-shapes";
import type { HandlerContext } from "@/lib/billing/webhooks/context";

export const handle = (ctx: HandlerContext, invoice: InvoiceShape) => syncInvoice(ctx, invoice);
