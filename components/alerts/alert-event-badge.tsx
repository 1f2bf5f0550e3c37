import { Badge } from "@/components/ui/badge";
import type { AlertEventKind } from "@/lib/generated/prisma/enums";

/** One alert transition in words: red Fired, green Resolved. */
export function AlertEventBadge({ kind }: { kind: AlertEventKind }) {
  return kind === "FIRING" ? <Badge tone="bad">Fired</Badge> : <Badge tone="ok">Resolved</Badge>;
}
