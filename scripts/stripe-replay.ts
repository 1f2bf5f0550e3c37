// `npm run stripe:replay -- <event id>`: re-apply one Stripe event (stored, or fetched from Stripe
// when STRIPE_SECRET_KEY is set). Safe to repeat.
import "dotenv/config";

import { replayStripeEvent } from "@/lib/billing/replay-event";
import { stripeClient } from "@/lib/billing/stripe-client";
import { createPrismaClient } from "@/lib/db";
import { databaseUrl } from "@/lib/env";

export async function main(argv: string[], log: (line: string) => void = console.log): Promise<number> {
  const id = argv[0];
  if (!id?.startsWith("evt_")) {
    log("usage: npm run stripe:replay -- <event id, evt_...>");
    return 2;
  }
  const prisma = createPrismaClient(databaseUrl(), 4);
  try {
    const replay = await replayStripeEvent(prisma, stripeClient(), id);
    if (replay.source === "none") {
      log(
        `${id}: not stored here${stripeClient() ? " and not found at Stripe" : " (set STRIPE_SECRET_KEY to fetch it from Stripe)"}.`,
      );
      return 1;
    }
    const r = replay.result;
    log(
      `${id} (${replay.source}): ${r.outcome}${"tenantId" in r && r.tenantId ? ` for tenant ${r.tenantId}` : ""}${r.outcome === "failed" ? ` – ${r.error}` : ""}`,
    );
    return r.outcome === "failed" ? 1 : 0;
  } finally {
    await prisma.$disconnect();
  }
}

if (process.argv[1]?.endsWith("replay.ts")) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`stripe:replay failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
