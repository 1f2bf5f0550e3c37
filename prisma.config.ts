// Prisma CLI configuration. Prisma 7 keeps the connection URL here, not in schema.prisma.
// The CLI is only needed by developers (generate, and migrations through ../shared's engine
// stand-in); the app migrates itself at start-up with lib/schema/migrate.ts.
import "dotenv/config";

import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // `prisma generate` needs no database, so a placeholder keeps it working on a fresh clone.
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/tollgate" },
});
