// "Send test" on a tenant's channel, for the dashboard's button and the admin API alike: a sample
// delivered at once through the real send path (the outbound guard, signing, the delivery log),
// with what happened. A failed delivery is that answer, not an error; an unknown channel is.
import { pool } from "@/lib/db/pool";
import { appUrl, env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { sendDepsFromEnv } from "@/lib/notify/send-deps-from-env";
import { sendTestNotification } from "@/lib/notify/send-test";

export type TestResult = NonNullable<Awaited<ReturnType<typeof sendTestNotification>>>;

/** `tenantId` scopes the channel: another tenant's is "not found". */
export async function testChannel(tenantId: string, channelId: string): Promise<TestResult> {
  const r = await sendTestNotification(pool(), sendDepsFromEnv(env()), channelId, tenantId, appUrl());
  if (!r) throw new AppError("not_found", "No such channel.");
  return r;
}
