// `npm start` (and `npm run dev` with --dev): one command from a fresh clone to a running app.
// Without DATABASE_URL it runs an embedded PostgreSQL with demo data; with it, it uses that server
// and starts nothing else. Ctrl-C / SIGTERM stop the app first, then the embedded database.
import "dotenv/config";

import path from "node:path";

import { EnvError, parseEnv } from "@/lib/env";
import { demoBanner } from "@/lib/startup/demo-banner";
import { startTollgate } from "@/lib/startup/start-tollgate";

async function main() {
  const dev = process.argv.includes("--dev");
  let env;
  try {
    env = parseEnv({
      ...process.env,
      NODE_ENV: dev ? "development" : "production",
      TOLLGATE_DEMO: process.env.DATABASE_URL ? process.env.TOLLGATE_DEMO : "1",
    });
  } catch (e) {
    if (e instanceof EnvError) {
      console.error(`Tollgate cannot start: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }

  const started = Date.now();
  const app = await startTollgate({
    root: process.cwd(),
    databaseUrl: env.DATABASE_URL,
    dataDir: path.resolve(env.TOLLGATE_DATA_DIR),
    port: env.PORT,
    hostname: env.TOLLGATE_HOST,
    dev,
    demo: env.DATABASE_URL ? env.TOLLGATE_DEMO : true,
    nextAuthSecret: env.NEXTAUTH_SECRET,
    appUrl: env.APP_URL,
  });

  console.log(
    `\nTollgate is running at ${app.url} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  if (app.embedded)
    console.log(`Database: embedded PostgreSQL, data in ${path.resolve(env.TOLLGATE_DATA_DIR)}`);
  if (app.generatedSecret)
    console.log(
      `Demo mode: NEXTAUTH_SECRET was generated into ${env.TOLLGATE_DATA_DIR}/nextauth-secret (set your own in production).`,
    );
  if (app.embedded || env.TOLLGATE_DEMO) console.log(demoBanner(app.url));
  console.log("Press Ctrl-C to stop.\n");

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping Tollgate …`);
    await app.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  const code = await app.exited;
  if (!stopping) {
    console.error(`The Next.js server exited (code ${code}); stopping the database.`);
    await app.stop();
    process.exit(code ?? 1);
  }
}

main().catch((e: unknown) => {
  console.error(`Tollgate failed to start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
