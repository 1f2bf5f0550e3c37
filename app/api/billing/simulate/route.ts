// POST /api/billing/simulate – demo only: a signed checkout.session.completed for a top-up, sent to the app's own webhook
import { z } from "zod";

import { simulateTopUp } from "@/lib/billing/simulate-payment";
import { webhookSecrets } from "@/lib/billing/webhook-secrets";
import { prisma } from "@/lib/db";
import { appUrl, env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { outboundResponse } from "@/lib/http/billing-route";
import { readJson } from "@/lib/http/read-json";
import { sessionRoute } from "@/lib/web/session-route";

export const dynamic = "force-dynamic";

const body = z.strictObject({
  amount: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, "must be a whole number of micro-USD")
    .transform(BigInt),
});

export const POST = sessionRoute({ area: "tenant", ownerOnly: true }, async (req, _ctx, user) => {
  const e = env();
  const secret = webhookSecrets()[0];
  if (!e.TOLLGATE_DEMO || e.STRIPE_SECRET_KEY || !secret)
    throw new AppError("not_found", "Simulated payments exist only in the demo, without STRIPE_SECRET_KEY.");
  const { amount } = await readJson(req, body);
  // The app's own webhook at its configured address (never the request's Host header, which the caller controls).
  const result = await simulateTopUp(prisma, user.tenantId, amount, `${appUrl()}/api/stripe/webhook`, secret);
  if (!result.ok) return outboundResponse(result);
  if (result.status !== 200) throw new Error(`the webhook answered ${result.status} to ${result.eventId}`);
  return Response.json({ eventId: result.eventId }, { headers: { "Cache-Control": "no-store" } });
});
