import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    environment: "node",
    include: ["**/*.test.ts"],
    exclude: ["**/node_modules/**", ".next/**", ".data/**", "e2e/**", "lib/generated/**", "sdk/dist/**"],
    // Starts (or points at) the PostgreSQL server; test/db.ts creates databases on it.
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup-databases.ts", "test/contract-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: two files at once keeps the database busy without thrashing. Files never share a
    // database, so running them in parallel is safe.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
