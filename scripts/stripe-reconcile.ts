// `npm run stripe:reconcile`: list customers, subscriptions and cards from the Stripe API, repair
// the mirror where it drifted, and print each change. Needs STRIPE_SECRET_KEY and DATABASE_URL.
import "dotenv/config";

import { reconcileStripe } from "@/lib/billing/reconcile";
import { stripeClient } from "@/lib/billing/stripe-client";
import { createPrismaClient } from "@/lib/db";
import { databaseUrl } from "@/lib/env";
import { clearContextCache } from "@/lib/keys/key-context";

export async function main(log: (line: string) => void = console.log): Promise<number> {
  const stripe = stripeClient();
  if (!stripe) {
    log("stripe:reconcile needs STRIPE_SECRET_KEY (see .env.example).");
    return 2;
  }
  const prisma = createPrismaClient(databaseUrl(), 4);
  try {
    const changes = await reconcileStripe(prisma, stripe);
    clearContextCache();
    for (const line of changes) log(line);
    log(changes.length ? `${changes.length} change(s).` : "The mirror matches Stripe.");
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}

if (process.argv[1]?.endsWith("reconcile.ts")) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`stripe:reconcile failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
