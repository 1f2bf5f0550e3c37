// The start-up path behind `npm start`, also used by the e2e fixture and the benchmarks:
// database (embedded unless DATABASE_URL) → migrations → demo data → build if stale → serve.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";
import { parseEnv } from "@/lib/env";
import { migrate } from "@/lib/schema/migrate";
import { isBuildCurrent, markBuildCurrent, sourceHash } from "@/lib/startup/build-state";
import { runNextBuild, spawnNextServer, stopChild, waitForHealthy } from "@/lib/startup/run-next";
import { seedDemoIfEmpty } from "@/lib/startup/seed-if-empty";
import { workerOptionsFromEnv } from "@/lib/worker/from-env";
import { startWorker, type RunningWorker } from "@/lib/worker/worker";

export type StartOptions = {
  root: string;
  /** Use this PostgreSQL; unset → an embedded one in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  port: number;
  hostname?: string;
  dev?: boolean;
  /** Seed demo data into an empty database (always on for the embedded database). */
  demo?: boolean;
  nextAuthSecret?: string;
  appUrl?: string;
  /** Run the job worker in this process (default: yes; TOLLGATE_WORKER=0 leaves it to `npm run jobs`). */
  worker?: boolean;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
};

export type RunningTollgate = {
  url: string;
  databaseUrl: string;
  embedded: boolean;
  generatedSecret: boolean;
  seeded: boolean;
  /** Resolves when the server exits by itself. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
};

const EMBEDDED_DB = "tollgate";

async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Demo mode only: a stable NEXTAUTH_SECRET kept in the data directory. */
async function demoSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, "nextauth-secret");
  await mkdir(dataDir, { recursive: true });
  if (!existsSync(file)) await writeFile(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return (await readFile(file, "utf8")).trim();
}

export async function startTollgate(opts: StartOptions): Promise<RunningTollgate> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const hostname = opts.hostname ?? "127.0.0.1";
  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = opts.databaseUrl;
  try {
    if (!databaseUrl) {
      log(`Starting the embedded PostgreSQL in ${path.join(opts.dataDir, "pg")} …`);
      embedded = await startEmbeddedPostgres({ dataDir: opts.dataDir });
      databaseUrl = await ensureDatabase(embedded.url, EMBEDDED_DB);
    }
    const demo = opts.demo ?? Boolean(embedded);

    const { applied } = await migrate({
      connectionString: databaseUrl,
      migrationsDir: path.join(opts.root, "prisma", "migrations"),
    });
    log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Migrations are current.");

    const seeded = demo ? await seedDemoIfEmpty(databaseUrl, log) : false;

    let secret = opts.nextAuthSecret;
    const generatedSecret = !secret && demo;
    if (!secret && demo) secret = await demoSecret(opts.dataDir);

    if (!opts.dev && !(await isBuildCurrent(opts.root))) {
      log("No current production build: running `next build` (about a minute on 2 cores) …");
      const hash = await sourceHash(opts.root);
      await runNextBuild(opts.root, { ...process.env, ...opts.env });
      await markBuildCurrent(opts.root, hash);
    }

    const url = `http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${opts.port}`;
    const appEnv: Record<string, string | undefined> = {
      ...process.env,
      ...opts.env,
      DATABASE_URL: databaseUrl,
      PORT: String(opts.port),
      ...(secret ? { NEXTAUTH_SECRET: secret } : {}),
      NEXTAUTH_URL: opts.appUrl ?? url,
      APP_URL: opts.appUrl ?? url,
      TOLLGATE_DEMO: demo ? "1" : "0",
    };
    const child = spawnNextServer(opts.root, {
      dev: Boolean(opts.dev),
      port: opts.port,
      hostname,
      env: appEnv as NodeJS.ProcessEnv,
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    let worker: RunningWorker | undefined;
    if (opts.worker ?? appEnv.TOLLGATE_WORKER !== "0") {
      const workerEnv = parseEnv({ ...appEnv, NODE_ENV: opts.dev ? "development" : "production" });
      worker = await startWorker({
        ...workerOptionsFromEnv(workerEnv, databaseUrl, opts.appUrl ?? url, { demo }),
        log,
      }).catch(async (e: unknown) => {
        await stopChild(child);
        throw e;
      });
    }
    // Once only, however many signals arrive. Order matters: the app and the worker first
    // (they hold connections), then the database.
    let stopping: Promise<void> | undefined;
    const stopAll = () =>
      (stopping ??= (async () => {
        await Promise.all([stopChild(child), worker?.stop()]);
        await embedded?.stop();
      })());
    try {
      await waitForHealthy(url, child);
    } catch (e) {
      await stopAll();
      throw e;
    }
    return { url, databaseUrl, embedded: Boolean(embedded), generatedSecret, seeded, exited, stop: stopAll };
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
}
