import { Badge } from "@/components/ui/badge";
import type { HealthLevel } from "@/lib/tenants/tenant-health";

const LABEL: Record<HealthLevel, { tone: "ok" | "warn" | "bad"; text: string }> = {
  ok: { tone: "ok", text: "Calls go through" },
  warn: { tone: "warn", text: "Warning" },
  refusing: { tone: "bad", text: "Refusing" },
};

export function HealthBadge({ level, title }: { level: HealthLevel; title?: string }) {
  const l = LABEL[level];
  return (
    <Badge tone={l.tone} title={title}>
      {l.text}
    </Badge>
  );
}
