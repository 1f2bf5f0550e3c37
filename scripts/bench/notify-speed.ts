// Notifications delivered per second: N notifications queued (as rule crossings queue them), then
// the worker — with its production settings — delivers them to a local receiver that answers 200
// at once. Measured from the first job taken to the last delivery recorded.
import { createPool } from "@/lib/db/pool";
import { env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { newWebhookSecret } from "@/lib/notify/channels/webhook";
import { workerOptionsFromEnv } from "@/lib/worker/from-env";
import { startWorker } from "@/lib/worker/worker";
import { queueDeliveries, samplePayload } from "@/test/queue-delivery";
import { startReceiver } from "@/test/receiver";

export async function notificationsPerSecond(
  prisma: PrismaClient,
  databaseUrl: string,
  tenant: { id: string },
  count = 2_000,
): Promise<number> {
  const receiver = await startReceiver(() => ({ status: 200 }));
  const pool = createPool(databaseUrl, 4);
  try {
    const t = await prisma.tenant.findUniqueOrThrow({ where: { id: tenant.id } });
    const rule = await prisma.alertRule.create({
      data: { tenantId: t.id, kind: "BALANCE_BELOW", name: "bench", threshold: 1n },
    });
    const channel = await prisma.notificationChannel.create({
      data: {
        tenantId: t.id,
        kind: "WEBHOOK",
        name: "bench",
        target: `${receiver.url}/bench`,
        secret: newWebhookSecret(),
      },
    });
    for (let i = 0; i < count; i++)
      await queueDeliveries(pool, t.id, rule.id, [channel.id], samplePayload(t, rule.id));
    const started = Date.now();
    const worker = await startWorker({
      ...workerOptionsFromEnv(env(), databaseUrl, "http://bench.local"),
      send: { ...workerOptionsFromEnv(env(), databaseUrl, "").send, allowPrivate: true },
      minutely: false,
      log: () => undefined,
    });
    for (;;) {
      const {
        rows: [r],
      } = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "NotificationDelivery" WHERE "channelId" = $1 AND status = 'SUCCEEDED'`,
        [channel.id],
      );
      if (r!.n >= count) break;
      await new Promise((res) => setTimeout(res, 100));
    }
    const seconds = (Date.now() - started) / 1000;
    await worker.stop();
    return count / seconds;
  } finally {
    await pool.end();
    await receiver.close();
  }
}
