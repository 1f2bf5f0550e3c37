// Starts test/route-server-main.ts as a separate process: another instance of the decision
// API, which a test may kill with SIGKILL.
import { spawn } from "node:child_process";

export type RouteServer = { url: string; kill(): Promise<void> };

export function startRouteServer(databaseUrl: string): Promise<RouteServer> {
  return new Promise((resolve, reject) => {
    // `node --import tsx`, not the tsx CLI: the CLI runs the script in a child process, and
    // SIGKILL would then hit only the wrapper, leaving the real server running.
    const child = spawn(process.execPath, ["--import", "tsx", "test/route-server-main.ts"], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.stdout.on("data", (d: Buffer) => {
      const m = /listening (\S+)/.exec(d.toString());
      if (m)
        resolve({
          url: m[1]!,
          kill: () =>
            new Promise((done) => {
              child.once("exit", () => done());
              child.kill("SIGKILL");
            }),
        });
    });
    child.once("exit", (code) => reject(new Error(`route server exited ${code}`)));
  });
}
