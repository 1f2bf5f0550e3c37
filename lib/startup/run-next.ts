// Child-process helpers for the Next.js CLI used by the start-up path.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const nextBin = (root: string) => path.join(root, "node_modules", "next", "dist", "bin", "next");

export function runNextBuild(root: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin(root), "build"], {
      cwd: root,
      env: { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "inherit",
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code})`)),
    );
  });
}

/** The web server (lib/web/server/main.ts: Next.js plus the decision fast path) as a child process. */
export function spawnNextServer(
  root: string,
  opts: { dev: boolean; port: number; hostname: string; env: NodeJS.ProcessEnv },
): ChildProcess {
  // `node --import tsx`, not the tsx CLI: signals then reach the server itself.
  const args = [
    "--import",
    "tsx",
    path.join(root, "lib", "web", "server", "main.ts"),
    "--port",
    String(opts.port),
    "--hostname",
    opts.hostname,
    ...(opts.dev ? ["--dev"] : []),
  ];
  return spawn(process.execPath, args, {
    cwd: root,
    env: { ...opts.env, NODE_ENV: opts.dev ? "development" : "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "inherit", "inherit"],
  });
}

/** Polls /api/health until it answers 200 or the server exits. */
export async function waitForHealthy(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error("the Next.js server exited during start-up");
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`the server did not become healthy within ${timeoutMs / 1000}s`);
}

/** Sends SIGTERM, escalating to SIGKILL if the process has not exited in time. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}
