// `npm run db:seed`: load the demo data into an empty DATABASE_URL database.
import "dotenv/config";
import { createPrismaClient } from "@/lib/db";
import { databaseUrl } from "@/lib/env";
import { seedDemo } from "@/lib/demo/seed";
import { demoBanner } from "@/lib/cli/demo-banner";

async function main() {
  const prisma = createPrismaClient(databaseUrl(), 4);
  try {
    const started = Date.now();
    const s = await seedDemo(prisma);
    console.log(`Seeded ${s.tenants} tenants, ${s.users} users, ${s.usageEvents} usage events, ${s.ledgerEntries} ledger entries, ${s.decisions} decisions in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    console.log(demoBanner(process.env.APP_URL ?? "http://localhost:3000"));
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((e: unknown) => {
  console.error(`db:seed failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
