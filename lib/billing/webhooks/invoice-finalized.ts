// invoice.finalized – mirror the invoice (now open, with its hosted URL)
import type { HandlerContext } from "@/lib/billing/webhooks/context";
import { syncInvoice } from "@/lib/billing/mirror/invoice";
import type { InvoiceShape } from "@/lib/billing/stripe-shapes";

export const handle = (ctx: HandlerContext, invoice: InvoiceShape) => syncInvoice(ctx, invoice);
