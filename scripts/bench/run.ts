// `npm run bench`: the decision API under load, beside this machine's ceiling.
// Starts the production server on PostgreSQL (BENCH_DATABASE_URL's server, or an embedded one
// with fsync on), seeds 50 tenants, drives load with autocannon from this process (the server is a
// separate process), and prints one table. Never part of the test suite: timing is measured here.
import "dotenv/config";

import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

import { createPrismaClient } from "@/lib/db";
import { freePort, startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/schema/migrate";
import { startTollgate } from "@/lib/startup/start-tollgate";
import { decideCallsPerSecond } from "@/scripts/bench/decide-speed";
import { load, type LoadResult } from "@/scripts/bench/load";
import { notificationsPerSecond } from "@/scripts/bench/notify-speed";
import { createBenchTenants } from "@/scripts/bench/setup-data";
import { printTable, type Row } from "@/scripts/bench/table";

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const root = process.cwd();

async function database(): Promise<{ url: string; embedded?: EmbeddedPostgres; drop(): Promise<void> }> {
  let embedded: EmbeddedPostgres | undefined;
  let server = process.env.BENCH_DATABASE_URL;
  if (!server) {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(root, ".data", "bench-pg") });
    server = embedded.url;
  }
  const name = `tollgate_bench_${process.pid}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    embedded,
    drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function startBare(
  databaseUrl: string,
  tenants: string[],
): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench/bare-server.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      BENCH_TENANTS: JSON.stringify(tenants),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => d.toString().includes("listening") && resolve());
    child.once("exit", (code) => reject(new Error(`bare server exited ${code}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

async function main() {
  const db = await database();
  await migrate({ connectionString: db.url, migrationsDir: path.join(root, "prisma", "migrations") });
  const prisma = createPrismaClient(db.url, 4);
  const tenants = await createBenchTenants(prisma, 50);
  console.log("Starting the production server (builds first if the build is stale) …");
  const app = await startTollgate({
    root,
    databaseUrl: db.url,
    dataDir: path.join(root, ".data", "bench"),
    port: await freePort(),
    demo: false,
    nextAuthSecret: randomBytes(32).toString("base64url"),
    log: () => undefined,
    worker: false,
  });
  const bare = await startBare(
    db.url,
    tenants.map((t) => t.id),
  );
  const rows: Row[] = [];
  try {
    const run = Date.now().toString(36);
    const authorize = (pick: (n: number) => { secret: string }) => (n: number) => ({
      headers: { authorization: `Bearer ${pick(n).secret}` },
      body: JSON.stringify({
        requestId: `${run}-${n}`,
        model: "bench-model",
        inputTokens: 500,
        maxOutputTokens: 200,
      }),
    });
    const spread = (n: number) => tenants[n % tenants.length]!;
    const hot = () => tenants[0]!;
    const measure = async (name: string, target: string, p: () => Promise<LoadResult>, perRequest = 1) => {
      process.stdout.write(`  ${name} … `);
      const r = await p();
      rows.push({
        name,
        target,
        rps: r.rps * perRequest,
        p50: r.p50,
        p99: r.p99,
        failed: r.other + r.errors,
      });
      console.log(`${Math.round(r.rps * perRequest).toLocaleString("en-US")}/s`);
      return r;
    };
    const authorizeLoad =
      (connections: number, pick: (n: number) => { secret: string }, overallRate?: number) => () =>
        load({
          url: app.url,
          path: "/api/v1/authorize",
          connections,
          durationSec: DURATION,
          overallRate,
          request: authorize(pick),
        });
    const bareLoad = (connections: number, hotOnly: boolean, overallRate?: number) => () =>
      load({
        url: bare.url,
        path: hotOnly ? "/hot" : "/",
        connections,
        durationSec: DURATION,
        overallRate,
        request: () => ({ headers: {}, body: "{}" }),
      });

    console.log("Warming up …");
    await load({
      url: app.url,
      path: "/api/v1/authorize",
      connections: 16,
      durationSec: 3,
      request: authorize(spread),
    });
    await measure("authorize @1,000 req/s, 50 tenants", "p99 < 10 ms", authorizeLoad(32, spread, 1000));
    const saturated = await measure(
      "authorize saturated, 50 tenants",
      "≥ 3,000/s, ≥ 60% of bare",
      authorizeLoad(64, spread),
    );
    const hotRun = await measure("authorize saturated, 1 hot tenant", "≥ 3,000/s", authorizeLoad(64, hot));
    await measure(
      "usage ingest, batches of 100 (events/s)",
      "≥ 10,000/s",
      () =>
        load({
          url: app.url,
          path: "/api/v1/usage",
          connections: 16,
          durationSec: DURATION,
          request: (n) => ({
            headers: { authorization: `Bearer ${spread(n).secret}` },
            body: JSON.stringify(
              Array.from({ length: 100 }, (_, i) => ({
                requestId: `${run}-u-${n}-${i}`,
                model: "bench-model",
                inputTokens: 500,
                outputTokens: 150,
              })),
            ),
          }),
        }),
      100,
    );
    await measure(
      "bare node:http + 1 UPDATE @1,000 req/s, 50 tenants",
      "machine ceiling",
      bareLoad(32, false, 1000),
    );
    const bareSpread = await measure(
      "bare node:http + 1 UPDATE, 50 tenants",
      "machine ceiling",
      bareLoad(64, false),
    );
    const bareHot = await measure(
      "bare node:http + 1 UPDATE, 1 hot tenant",
      "machine ceiling",
      bareLoad(64, true),
    );
    process.stdout.write("  notifications delivered … ");
    const notifyRate = await notificationsPerSecond(prisma, db.url, tenants[1]!);
    console.log(`${Math.round(notifyRate).toLocaleString("en-US")}/s`);
    rows.push({
      name: "alert notifications delivered (webhook, local receiver)",
      target: "measured",
      rps: notifyRate,
    });
    process.stdout.write("  decide() in-process … ");
    const decideRate = decideCallsPerSecond();
    console.log(`${Math.round(decideRate).toLocaleString("en-US")}/s`);
    rows.push({ name: "decide() in-process (calls/s)", target: "≥ 1,000,000/s", rps: decideRate });
    rows[1]!.ratio = saturated.rps / bareSpread.rps;
    rows[2]!.ratio = hotRun.rps / bareHot.rps;
  } finally {
    bare.child.kill("SIGTERM");
    await app.stop();
    await prisma.$disconnect();
    await db.drop();
    await db.embedded?.stop();
  }
  const table = printTable(rows);
  console.log(`\n${table}`);
  await mkdir(path.join(root, "bench-results"), { recursive: true });
  await writeFile(
    path.join(root, "bench-results", "latest.md"),
    `${new Date().toISOString()} (${DURATION}s per run)\n\n${table}\n`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
