// invoice.finalized – mirror the invoice (now open, with its hosted URL)
import { syncInvoice } from "@/lib/billing/mirror/invoice";
import type { InvoiceShape } from "@/lib/billing/stripe-shapes";
import type { HandlerContext } from "@/lib/billing/webhooks/context";

export const handle = (ctx: HandlerContext, invoice: InvoiceShape) => syncInvoice(ctx, invoice);
