// The README's first command, end to end: `npm start` with no DATABASE_URL brings up an embedded
// PostgreSQL with demo data and a healthy server, shuts both down on SIGTERM, and keeps the data.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/db/embedded";

const root = process.cwd();

type Run = { child: ChildProcess; output: () => string; ready: Promise<string> };

function npmStart(env: Record<string, string>): Run {
  let output = "";
  const child = spawn(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "lib/cli/start.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: "", NEXTAUTH_SECRET: "", TOLLGATE_DEMO: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Tollgate is running at (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  return { child, output: () => output, ready };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

describe("npm start on the embedded database", () => {
  let dataDir = "";
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("starts, answers /api/health, stops cleanly on SIGTERM and keeps its data across restarts", async () => {
    await mkdir(path.join(root, ".data"), { recursive: true });
    dataDir = await mkdtemp(path.join(root, ".data", "start-test-"));
    const env = { TOLLGATE_DATA_DIR: dataDir, PORT: String(await freePort()), TOLLGATE_HOST: "127.0.0.1" };

    const first = npmStart(env);
    const url = await first.ready;
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", db: "ok", migrations: "current" });
    expect(first.output()).toMatch(/Demo data loaded/);
    expect(first.output()).toMatch(/admin@tollgate\.demo/);
    expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(true);

    first.child.kill("SIGTERM");
    expect(await exitOf(first.child)).toBe(0);
    // PostgreSQL removes its pid file only on a clean shutdown.
    expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();

    const second = npmStart({ ...env, PORT: String(await freePort()) });
    const url2 = await second.ready;
    expect((await fetch(`${url2}/api/health`)).status).toBe(200);
    expect(second.output()).not.toMatch(/Demo data loaded/);
    expect(second.output()).toMatch(/Migrations are current/);
    second.child.kill("SIGTERM");
    expect(await exitOf(second.child)).toBe(0);
  }, 600_000);
});
