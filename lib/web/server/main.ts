// The production web server (a Next.js custom server): the decision API's hot paths go straight
// to their route handlers; everything else (dashboard, auth, admin API) goes through Next.
// Run by `npm start` as `node --import tsx lib/web/server/main.ts --port N --hostname H [--dev]`.
// Why: on 2 cores Next's routing costs more per call than the decision itself (README, Benchmarks).
import http from "node:http";
import { parseArgs } from "node:util";
import next from "next";

import { decisionDeps } from "@/lib/authorize/runtime";
import { pool } from "@/lib/db/pool";
import { toProblem } from "@/lib/errors/problem";
import { decisionRoutes } from "@/lib/web/server/decision-routes";
import { runRouteHandler } from "@/lib/web/server/node-fetch-bridge";
import { matchRoute, type Routes } from "@/lib/web/server/route-table";

const { values } = parseArgs({
  options: { port: { type: "string" }, hostname: { type: "string" }, dev: { type: "boolean" } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? "127.0.0.1";
const dev = Boolean(values.dev);

async function main() {
  const app = next({ dev, dir: process.cwd(), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // In development everything goes through Next, so edits hot-reload.
  const fast: Routes = dev ? {} : await decisionRoutes();
  const origin = `http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`;

  const server = http.createServer((req, res) => {
    const q = req.url?.indexOf("?") ?? -1;
    const match = matchRoute(fast, req.method ?? "GET", q === -1 ? (req.url ?? "/") : req.url!.slice(0, q));
    const served = match ? runRouteHandler(match.handler, match.params, req, res, origin) : handle(req, res);
    served.catch((e: unknown) => {
      console.error(`${req.method} ${req.url} failed:`, e);
      // The same generic problem the route handlers answer: nothing about the failure leaks.
      if (!res.headersSent)
        res.writeHead(500, { "content-type": "application/problem+json", "cache-control": "no-store" });
      res.end(JSON.stringify(toProblem(e)));
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  console.log(`Listening on ${origin}`);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      // Decisions are buffered for batch insert: write what is left before the pool closes.
      if (!dev) await decisionDeps().recorder.flush();
      await app.close();
      await pool()
        .end()
        .catch(() => undefined);
      process.exit(0);
    })());
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
