// `npm run db:migrate`: apply pending migrations to DATABASE_URL.
import "dotenv/config";

import path from "node:path";

import { databaseUrl } from "@/lib/env";
import { migrate } from "@/lib/schema/migrate";

migrate({
  connectionString: databaseUrl(),
  migrationsDir: path.resolve("prisma/migrations"),
  log: console.log,
})
  .then(({ applied }) =>
    console.log(applied.length ? `Applied ${applied.length} migration(s).` : "Migrations are current."),
  )
  .catch((e: unknown) => {
    console.error(`db:migrate failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
