import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    environment: "node",
    include: ["**/*.test.ts"],
    exclude: ["**/node_modules/**", ".next/**", ".data/**", "e2e/**", "lib/generated/**"],
    // Starts (or points at) the PostgreSQL server; lib/testing/db.ts creates databases on it.
    globalSetup: ["lib/testing/global-setup.ts"],
    setupFiles: ["lib/testing/setup-databases.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: two files at once keeps the database busy without thrashing. Files never share a
    // database, so running them in parallel is safe.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
