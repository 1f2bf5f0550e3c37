// invoice.paid – mirror the paid invoice and recover its subscription if it was overdue
import { invoiceSubscriptionId, syncInvoice } from "@/lib/billing/mirror/invoice";
import { recoverOnPayment } from "@/lib/billing/mirror/subscription";
import type { InvoiceShape } from "@/lib/billing/stripe-shapes";
import type { HandlerContext } from "@/lib/billing/webhooks/context";

export async function handle(ctx: HandlerContext, invoice: InvoiceShape): Promise<void> {
  await syncInvoice(ctx, invoice);
  const subscriptionId = invoiceSubscriptionId(invoice);
  if (subscriptionId) await recoverOnPayment(ctx, subscriptionId);
}
