// The signing secrets the webhook accepts: STRIPE_WEBHOOK_SECRET, comma-separated so a rotated
// secret and its successor are both accepted during the switch. The demo (TOLLGATE_DEMO without a
// secret) uses a fixed, public demo secret: only its "Simulate payment" button signs with it.
import { env } from "@/lib/env";

export const DEMO_WEBHOOK_SECRET = "whsec_tollgate_demo_not_secret";

export function webhookSecrets(): string[] {
  const e = env();
  const configured = (e.STRIPE_WEBHOOK_SECRET ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (configured.length) return configured;
  return e.TOLLGATE_DEMO && !e.STRIPE_SECRET_KEY ? [DEMO_WEBHOOK_SECRET] : [];
}
