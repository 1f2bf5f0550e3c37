// The README's first command, end to end: `npm start` with no DATABASE_URL brings up an embedded
// PostgreSQL with demo data and a healthy server, shuts both down on SIGTERM, and keeps the data.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

import { freePort } from "@/lib/db/embedded";
import { demoKeySecret } from "@/lib/demo/accounts";

const root = process.cwd();

type Run = { child: ChildProcess; output: () => string; ready: Promise<string> };

function npmStart(env: Record<string, string>): Run {
  let output = "";
  const child = spawn(
    process.execPath,
    [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/start.ts"],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: "", NEXTAUTH_SECRET: "", TOLLGATE_DEMO: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
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

    // The README's curl examples, through the production server's decision fast path.
    const authorize = (body: unknown, key = demoKeySecret("healthy")) =>
      fetch(`${url}/api/v1/authorize`, {
        method: "POST",
        headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    const allowed = await authorize({
      requestId: "start-test-1",
      model: "gpt-4o-mini",
      inputTokens: 1200,
      maxOutputTokens: 400,
      feature: "chat",
    });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toMatchObject({
      allowed: true,
      reservation: { id: expect.stringMatching(/^res_/) },
    });
    const refused = await authorize(
      { requestId: "start-test-2", model: "gpt-4o", inputTokens: 1000, maxOutputTokens: 500 },
      demoKeySecret("zero-credits"),
    );
    expect(refused.status).toBe(402);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(await refused.json()).toMatchObject({ code: "credits_exhausted", remedy: { action: "top_up" } });
    const invalid = await authorize({ requestId: "", model: "gpt-4o-mini", inputTokens: -1 });
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(["requestId", "inputTokens"]),
    );

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
