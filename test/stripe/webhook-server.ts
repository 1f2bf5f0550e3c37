// A test database plus the webhook route (and the decision API's authorize route) served over
// real HTTP, with STRIPE_WEBHOOK_SECRET set to two secrets (the rotation case).
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { serveRoutes } from "@/test/serve-route";
import { TEST_WEBHOOK_SECRET } from "@/test/stripe/events";

export const ROTATED_WEBHOOK_SECRET = "whsec_test_tollgate_previous_secret";

export type WebhookServer = { db: TestDatabase; url: string; close(): Promise<void> };

export async function startWebhookServer(label: string): Promise<WebhookServer> {
  const db = await createTestDatabase(label);
  process.env.DATABASE_URL = db.url;
  process.env.STRIPE_WEBHOOK_SECRET = `${TEST_WEBHOOK_SECRET}, ${ROTATED_WEBHOOK_SECRET}`;
  const server = await serveRoutes(["/api/stripe/webhook", "/api/v1/authorize"]);
  return {
    db,
    url: server.url,
    async close() {
      await server.close();
      const [{ pool }, { prisma }] = await Promise.all([import("@/lib/db/pool"), import("@/lib/db")]);
      await Promise.all([pool().end(), prisma.$disconnect()]);
      await db.drop();
    },
  };
}
