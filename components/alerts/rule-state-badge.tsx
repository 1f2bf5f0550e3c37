import { Badge } from "@/components/ui/badge";
import type { AlertState } from "@/lib/generated/prisma/enums";

/** Green OK, red Firing, grey Disabled: always a word, never colour alone. */
export function RuleStateBadge({ state, enabled }: { state: AlertState; enabled: boolean }) {
  if (!enabled) return <Badge tone="muted">Disabled</Badge>;
  if (state === "FIRING") return <Badge tone="bad">Firing</Badge>;
  return <Badge tone="ok">OK</Badge>;
}
