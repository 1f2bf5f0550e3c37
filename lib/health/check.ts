// Readiness: the database answers and its migrations match this build. Uses its own short-lived
// connection (not the app's pool) so a saturated pool does not read as a dead database.
import path from "node:path";

import { MigrationError, migrationStatus } from "@/lib/schema/migrate";

export type HealthBody = {
  status: "ok" | "unavailable";
  db: "ok" | "unreachable";
  migrations: "current" | "pending" | "modified" | "unknown";
  version: string;
  pending?: string[];
  error?: string;
};

export async function checkHealth(opts: {
  connectionString: string | undefined;
  root: string;
  version: string;
}): Promise<{ httpStatus: 200 | 503; body: HealthBody }> {
  const down = (body: Omit<HealthBody, "status" | "version">) => ({
    httpStatus: 503 as const,
    body: { status: "unavailable" as const, version: opts.version, ...body },
  });
  if (!opts.connectionString)
    return down({ db: "unreachable", migrations: "unknown", error: "DATABASE_URL is not set" });
  let state;
  try {
    state = await migrationStatus({
      connectionString: opts.connectionString,
      migrationsDir: path.join(opts.root, "prisma", "migrations"),
    });
  } catch (e) {
    // A broken migrations folder is this build's fault, not the database's.
    if (e instanceof MigrationError)
      return down({
        db: "ok",
        migrations: "modified",
        error: "this build's migrations folder is incomplete",
      });
    // The reason (host, credentials) stays in the server log, not in a public response.
    return down({ db: "unreachable", migrations: "unknown", error: "the database did not answer" });
  }
  if (state.modified.length || state.missing.length || state.failed.length) {
    return down({ db: "ok", migrations: "modified", error: "applied migrations differ from this build's" });
  }
  if (state.pending.length) return down({ db: "ok", migrations: "pending", pending: state.pending });
  return { httpStatus: 200, body: { status: "ok", db: "ok", migrations: "current", version: opts.version } };
}
