// Whole-page server time for `npm run bench:dashboard`: the production server (started as
// `npm start` starts it, building first if the build is stale) renders each page for a signed-in
// administrator, and a load is timed from the request to the last byte of the streamed HTML, so
// queries, React rendering and streaming all count. A bench administrator is created for it.
import { randomBytes } from "node:crypto";
import path from "node:path";

import { hashPassword } from "@/lib/auth/password";
import { freePort } from "@/lib/db/embedded";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { startTollgate } from "@/lib/startup/start-tollgate";

export type Timing = { p50: number; p95: number; max: number };

const BENCH_ADMIN = "bench-admin@tollgate.local";

/** Signs in through next-auth's credentials endpoint as a browser would; returns the Cookie header. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]!);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`Sign-in as ${email} failed (HTTP ${res.status})`);
  return [...jar, session].join("; ");
}

export async function timePagesOverHttp(opts: {
  prisma: PrismaClient;
  databaseUrl: string;
  root: string;
  pages: Record<string, string>;
  loads: number;
  percentile: (sorted: number[], p: number) => number;
}): Promise<Map<string, Timing>> {
  const password = randomBytes(18).toString("base64url");
  const passwordHash = await hashPassword(password);
  await opts.prisma.user.upsert({
    where: { email: BENCH_ADMIN },
    update: { passwordHash, role: "ADMIN", tenantId: null },
    create: { email: BENCH_ADMIN, name: "Bench admin", passwordHash, role: "ADMIN" },
  });
  const app = await startTollgate({
    root: opts.root,
    databaseUrl: opts.databaseUrl,
    dataDir: path.join(opts.root, ".data", "bench-dashboard"),
    port: await freePort(),
    demo: false,
    nextAuthSecret: randomBytes(32).toString("base64url"),
    worker: false,
    log: () => undefined,
  });
  const results = new Map<string, Timing>();
  try {
    const cookie = await signIn(app.url, BENCH_ADMIN, password);
    for (const [name, pagePath] of Object.entries(opts.pages)) {
      const load = async () => {
        const t = performance.now();
        const res = await fetch(`${app.url}${pagePath}`, { headers: { Cookie: cookie }, redirect: "manual" });
        const html = await res.text();
        if (res.status !== 200 || !html.includes("</html>"))
          throw new Error(`${pagePath} answered ${res.status}`);
        return performance.now() - t;
      };
      for (let i = 0; i < 2; i++) await load();
      const ms: number[] = [];
      for (let i = 0; i < opts.loads; i++) ms.push(await load());
      ms.sort((a, b) => a - b);
      results.set(name, {
        p50: opts.percentile(ms, 50),
        p95: opts.percentile(ms, 95),
        max: ms[ms.length - 1]!,
      });
    }
  } finally {
    await app.stop();
    await opts.prisma.user.delete({ where: { email: BENCH_ADMIN } }).catch(() => undefined);
  }
  return results;
}
