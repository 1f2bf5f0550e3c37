// Demo data goes only into an empty database, so restarting never duplicates or overwrites it.
import { createPrismaClient } from "@/lib/db";
import { seedDemo } from "@/lib/demo/seed";

export async function seedDemoIfEmpty(databaseUrl: string, log: (line: string) => void): Promise<boolean> {
  const prisma = createPrismaClient(databaseUrl, 4);
  try {
    if ((await prisma.tenant.count()) > 0) return false;
    log("Empty database: loading the demo data …");
    const started = Date.now();
    await seedDemo(prisma);
    log(`Demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return true;
  } finally {
    await prisma.$disconnect();
  }
}
