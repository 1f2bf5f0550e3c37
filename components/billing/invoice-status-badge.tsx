import { Badge, type BadgeTone } from "@/components/ui/badge";

// Every view of an invoice's status reads this table. Uncollectible is red, not grey: the
// invoice is money owed that Stripe gave up collecting (the subscription behind it is unpaid or
// canceled, which refuses calls), not an inactive document like a void invoice or a draft.
const STATUS: Record<string, { word: string; tone: BadgeTone }> = {
  paid: { word: "Paid", tone: "ok" },
  open: { word: "Open", tone: "warn" },
  uncollectible: { word: "Uncollectible", tone: "bad" },
  void: { word: "Void", tone: "muted" },
  draft: { word: "Draft", tone: "muted" },
};

export function InvoiceStatusBadge({ status }: { status: string }) {
  const s = STATUS[status] ?? { word: status.charAt(0).toUpperCase() + status.slice(1), tone: "muted" };
  return <Badge tone={s.tone}>{s.word}</Badge>;
}
