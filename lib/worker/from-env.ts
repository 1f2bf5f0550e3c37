// The worker's settings from the environment (shared by `npm run jobs` and `npm start`).
import type { Env } from "@/lib/env";
import { sendDepsFromEnv } from "@/lib/notify/send-deps-from-env";
import type { WorkerOptions } from "@/lib/worker/worker";

export function workerOptionsFromEnv(
  e: Env,
  connectionString: string,
  appUrl: string,
  opts: { demo?: boolean } = {},
): WorkerOptions {
  return {
    connectionString,
    appUrl,
    maxAttempts: e.ALERTS_MAX_ATTEMPTS,
    send: sendDepsFromEnv(e, opts),
  };
}
