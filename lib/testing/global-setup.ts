// Vitest global setup: the PostgreSQL server every integration test creates its databases on.
// TEST_DATABASE_URL when set (CI), otherwise an embedded PostgreSQL of the suite's own.
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseServer: string;
  }
}

let embedded: EmbeddedPostgres | undefined;

export async function setup(project: TestProject) {
  let server = process.env.TEST_DATABASE_URL;
  if (!server) {
    embedded = await startEmbeddedPostgres({ dataDir: path.resolve(".data/test-pg"), ephemeral: true });
    server = embedded.url;
    console.log(`TEST_DATABASE_URL is not set: using an embedded PostgreSQL on port ${embedded.port}.`);
  }
  if (!process.env.REDIS_URL) console.log("REDIS_URL is not set: Redis tests are skipped.");
  project.provide("testDatabaseServer", server);
}

export async function teardown() {
  await embedded?.stop();
}
