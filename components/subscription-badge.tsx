import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONES: Record<string, BadgeTone> = {
  active: "ok",
  trialing: "ok",
  past_due: "warn",
  canceled: "bad",
  unpaid: "bad",
  incomplete_expired: "bad",
  incomplete: "bad",
  paused: "muted",
};

export function SubscriptionBadge({ status }: { status: string | null | undefined }) {
  if (!status) return <Badge tone="muted">No subscription</Badge>;
  const word = status.replaceAll("_", " ");
  return <Badge tone={TONES[status] ?? "muted"}>{word.charAt(0).toUpperCase() + word.slice(1)}</Badge>;
}
