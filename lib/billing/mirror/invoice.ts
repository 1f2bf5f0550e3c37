// Invoice rows mirror Stripe's invoices (amounts in the currency's minor unit, as Stripe sends
// them), keyed by the invoice id, under the out-of-order guard of mirror/guard-write.ts.
import { guardWrite, type GuardSpec } from "@/lib/billing/mirror/guard-write";
import { fromUnix, idOf, type InvoiceShape } from "@/lib/billing/stripe-shapes";
import { WebhookDataError } from "@/lib/billing/webhook-data-error";
import type { HandlerContext } from "@/lib/billing/webhooks/context";
import type { InvoiceStatus } from "@/lib/generated/prisma/client";

const RANK: Record<InvoiceStatus, number> = { draft: 0, open: 1, uncollectible: 2, paid: 3, void: 3 };
const TERMINAL: ReadonlySet<InvoiceStatus> = new Set(["paid", "void"]);

const SPEC: GuardSpec<InvoiceStatus, InvoiceShape> = {
  kind: "invoice",
  rank: RANK,
  terminal: TERMINAL,
  stateOf: (invoice) => (invoice.status ?? "draft") as InvoiceStatus,
  retrieve: (stripe, id) => stripe.invoices.retrieve(id),
};

function statusOf(invoice: InvoiceShape): InvoiceStatus {
  const status = (invoice.status ?? "draft") as InvoiceStatus;
  if (!(status in RANK)) throw new WebhookDataError(`unknown invoice status ${status}`);
  return status;
}

export function invoiceSubscriptionId(invoice: InvoiceShape): string | null {
  return idOf(invoice.parent?.subscription_details?.subscription);
}

export async function syncInvoice(ctx: HandlerContext, incoming: InvoiceShape): Promise<void> {
  const { tx } = ctx;
  const existing = await tx.invoice.findUnique({ where: { stripeInvoiceId: incoming.id } });
  const verdict = await guardWrite(
    ctx,
    SPEC,
    { id: incoming.id, object: incoming, state: statusOf(incoming) },
    existing && {
      at: existing.stripeEventCreatedAt,
      eventId: existing.stripeEventId,
      state: existing.status,
    },
  );
  if (!verdict.write) return;
  const invoice = verdict.object;
  const status = statusOf(invoice);
  const data = {
    tenantId: ctx.tenantId,
    stripeSubscriptionId: invoiceSubscriptionId(invoice),
    number: invoice.number,
    status,
    amountDue: BigInt(invoice.amount_due),
    amountPaid: BigInt(invoice.amount_paid),
    amountRemaining: BigInt(invoice.amount_remaining),
    currency: invoice.currency,
    hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
    periodStart: fromUnix(invoice.period_start),
    periodEnd: fromUnix(invoice.period_end),
    dueDate: fromUnix(invoice.due_date),
    paidAt: fromUnix(invoice.status_transitions.paid_at),
    stripeEventCreatedAt: ctx.at,
    stripeEventId: verdict.sourceId,
  };
  const row = existing
    ? await tx.invoice.update({ where: { id: existing.id }, data })
    : await tx.invoice.create({
        data: { ...data, stripeInvoiceId: invoice.id, createdAt: fromUnix(invoice.created) },
      });
  await ctx.audit({
    action: existing ? "invoice.update" : "invoice.create",
    targetType: "Invoice",
    targetId: row.id,
    before: existing && { status: existing.status, amountRemaining: existing.amountRemaining },
    after: { status, amountDue: data.amountDue, amountRemaining: data.amountRemaining, number: data.number },
  });
}
