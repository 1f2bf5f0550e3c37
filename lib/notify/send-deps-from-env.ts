// How notifications are sent, from the environment: the worker's deliveries, "Send test" and the
// channel form's URL check all read it here, so they can never disagree on what is allowed.
import type { Env } from "@/lib/env";
import type { SendDeps } from "@/lib/notify/send";

/** `demo`: the start-up path knows it runs the demo even when TOLLGATE_DEMO is not in the environment. */
export function sendDepsFromEnv(e: Env, opts: { demo?: boolean } = {}): SendDeps {
  return {
    // The demo's channels point at local receivers, so it allows private URLs like the tests do.
    allowPrivate: e.ALERTS_ALLOW_PRIVATE_URLS || e.TOLLGATE_DEMO || Boolean(opts.demo),
    smtpUrl: e.SMTP_URL,
    emailFrom: e.ALERTS_EMAIL_FROM,
  };
}
