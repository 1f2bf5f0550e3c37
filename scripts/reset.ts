// `npm run db:reset`: drop everything in the database, migrate from scratch and load the demo data.
// Uses DATABASE_URL, or the embedded database in $TOLLGATE_DATA_DIR when it is unset.
import "dotenv/config";

import path from "node:path";
import pg from "pg";

import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { parseEnv } from "@/lib/env";
import { migrate } from "@/lib/schema/migrate";
import { seedDemoIfEmpty } from "@/lib/startup/seed-if-empty";

async function main() {
  const env = parseEnv(process.env);
  if (env.DATABASE_URL && !process.argv.includes("--yes")) {
    console.error(
      `This drops every table in ${new URL(env.DATABASE_URL).pathname.slice(1)}. Run \`npm run db:reset -- --yes\` to confirm.`,
    );
    process.exit(1);
  }
  const embedded = env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: path.resolve(env.TOLLGATE_DATA_DIR) });
  try {
    let url = env.DATABASE_URL;
    if (!url) {
      const u = new URL(embedded!.url);
      u.pathname = "/tollgate";
      url = u.toString();
      const admin = new pg.Client({ connectionString: embedded!.url });
      await admin.connect();
      await admin.query('DROP DATABASE IF EXISTS "tollgate" WITH (FORCE)');
      await admin.query('CREATE DATABASE "tollgate"');
      await admin.end();
    } else {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
      await client.end();
    }
    console.log(`Reset ${new URL(url).pathname.slice(1)}.`);
    const { applied } = await migrate({
      connectionString: url,
      migrationsDir: path.resolve("prisma/migrations"),
    });
    console.log(`Applied migrations: ${applied.join(", ")}`);
    await seedDemoIfEmpty(url, console.log);
  } finally {
    await embedded?.stop();
  }
}

main().catch((e: unknown) => {
  console.error(`db:reset failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
