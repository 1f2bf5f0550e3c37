// `npm run jobs`: the job worker on its own (notifications, the minutely sweep). Run as many as
// you like beside the web servers; SIGTERM/SIGINT finish the jobs in hand, then exit.
import "dotenv/config";

import { appUrl, databaseUrl, env, EnvError } from "@/lib/env";
import { workerOptionsFromEnv } from "@/lib/worker/from-env";
import { startWorker } from "@/lib/worker/worker";

async function main() {
  let url: string;
  try {
    url = databaseUrl();
  } catch (e) {
    if (e instanceof EnvError) {
      console.error(`The worker cannot start: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
  const worker = await startWorker(workerOptionsFromEnv(env(), url, appUrl()));
  console.log("Tollgate worker running (notifications, minutely sweep). Ctrl-C to stop.");
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing the jobs in hand …`);
    await worker.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((e: unknown) => {
  console.error(`The worker failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
