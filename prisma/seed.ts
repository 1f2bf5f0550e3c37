// `npm run db:seed`: load the demo data into an empty, migrated DATABASE_URL database, then print
// what was loaded and how to sign in and call the API with it.
import "dotenv/config";

import { createPrismaClient } from "@/lib/db";
import {
  DEMO_ADMIN_EMAIL,
  DEMO_MEMBER_TENANT,
  DEMO_PASSWORD,
  DEMO_TENANTS,
  demoKeySecret,
  demoMemberEmail,
  demoOwnerEmail,
} from "@/lib/demo/accounts";
import { seedDemo } from "@/lib/demo/seed";
import { databaseUrl } from "@/lib/env";

function accountsTable(): string {
  const width = Math.max(...DEMO_TENANTS.map((t) => demoOwnerEmail(t.slug).length));
  const lines = DEMO_TENANTS.map(
    (t) => `  ${demoOwnerEmail(t.slug).padEnd(width)}  ${demoKeySecret(t.slug)}  ${t.story}`,
  );
  for (const t of DEMO_TENANTS)
    if (t.extraKey)
      lines.push(
        `  ${"".padEnd(width)}  ${demoKeySecret(t.slug, t.extraKey)}  ${t.slug}: the ${t.extraKey} key`,
      );
  return [
    `Demo sign-ins (DEMO ONLY — every password is "${DEMO_PASSWORD}"):`,
    `  ${DEMO_ADMIN_EMAIL} (admin), ${demoMemberEmail(DEMO_MEMBER_TENANT)} (member of ${DEMO_MEMBER_TENANT}), and each tenant's owner:`,
    ...lines,
  ].join("\n");
}

async function main() {
  const prisma = createPrismaClient(databaseUrl(), 4);
  try {
    const started = Date.now();
    const s = await seedDemo(prisma);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `Seeded in ${seconds} s: ${s.tenants} tenants, ${s.users} users, ${s.apiKeys} API keys, ${s.usageEvents} usage events ` +
        `(${s.rollups} daily rollups), ${s.ledgerEntries} ledger entries, ${s.decisions} decisions (${s.refusals} refusals).\n`,
    );
    console.log(accountsTable());
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((e: unknown) => {
  console.error(`db:seed failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
