// A worker in its own process, for the test that kills one mid-delivery. Reads DATABASE_URL;
// prints "worker ready" once it polls.
import { startWorker } from "@/lib/worker/worker";

async function main() {
  await startWorker({
    connectionString: process.env.DATABASE_URL!,
    appUrl: "http://tollgate.test",
    maxAttempts: 5,
    minutely: false,
    pollingIntervalSeconds: 0.5,
    expireInSeconds: 2,
    superviseIntervalSeconds: 1,
    retry: { retryDelay: 1, retryDelayMax: 2 },
    send: { allowPrivate: true, emailFrom: "alerts@tollgate.test" },
    log: () => undefined,
  });
  console.log("worker ready");
}

void main();
