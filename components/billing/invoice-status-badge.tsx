import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONES: Record<string, BadgeTone> = {
  paid: "ok",
  open: "warn",
  uncollectible: "bad",
  void: "muted",
  draft: "muted",
};

export function InvoiceStatusBadge({ status }: { status: string }) {
  return <Badge tone={TONES[status] ?? "muted"}>{status.charAt(0).toUpperCase() + status.slice(1)}</Badge>;
}

/** Stripe minor units (cents for USD) as money; Stripe amounts are never credits. */
export function formatMinor(amount: bigint, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(
    Number(amount) / 100,
  );
}
