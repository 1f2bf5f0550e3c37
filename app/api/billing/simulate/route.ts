// POST /api/billing/simulate – demo only: a signed checkout.session.completed for a top-up, sent to the app's own webhook

import { simulatePaymentOperation } from "@/lib/api/operations/dashboard";
import { demoWebhookSecret, simulateTopUp } from "@/lib/billing/simulate-payment";
import { prisma } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { session } from "@/lib/web/session-auth";

export const dynamic = "force-dynamic";

export const POST = route(
  {
    operation: simulatePaymentOperation,
    auth: session({ area: "tenant", ownerOnly: true }),
    requires: demoWebhookSecret,
  },
  async ({ auth: owner, ready: secret, body }) => {
    // The app's own webhook at its configured address (never the request's Host header, which the caller controls).
    const webhook = `${appUrl()}/api/stripe/webhook`;
    const paid = await simulateTopUp(prisma, owner.tenantId, body.amount, webhook, secret);
    if (paid.status !== 200) throw new Error(`the webhook answered ${paid.status} to ${paid.eventId}`);
    return json({ eventId: paid.eventId });
  },
);
