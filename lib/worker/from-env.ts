// The worker's settings from the environment (shared by `npm run jobs` and `npm start`).
import type { Env } from "@/lib/env";
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
    // The demo's channels point at local receivers, so it allows private URLs like the tests do.
    send: {
      allowPrivate: e.ALERTS_ALLOW_PRIVATE_URLS || Boolean(opts.demo),
      smtpUrl: e.SMTP_URL,
      emailFrom: e.ALERTS_EMAIL_FROM,
    },
  };
}
