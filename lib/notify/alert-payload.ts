// What a notification carries: the contract between alert evaluation, which builds it once when
// an alert event is recorded (lib/alerts/evaluate.ts), and every channel, which renders it at
// send time. Stored as JSON on each delivery, so a change here must stay readable for old rows.
import type { AlertRuleKind } from "@/lib/generated/prisma/enums";

export type AlertPayload = {
  type: "alert.firing" | "alert.resolved";
  eventId: string;
  occurredAt: string;
  tenant: { id: string; name: string; slug: string };
  rule: { id: string; name: string; kind: AlertRuleKind; threshold: number; unit: string };
  value: number | null;
  message: string;
  url: string;
};
