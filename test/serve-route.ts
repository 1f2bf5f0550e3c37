// Serves Next.js route handlers over real HTTP for integration tests, through the same bridge the
// production server's decision fast path uses, so tests exercise the handlers through sockets
// without a Next build. Every answer is checked against the OpenAPI document on the way out. Which handlers: patterns of the one route table (lib/web/server/api-routes.ts),
// imported when called (after the test has set its environment).
import http from "node:http";

import { apiRoutes } from "@/lib/web/server/api-routes";
import { runRouteHandler } from "@/lib/web/server/node-fetch-bridge";
import { matchRoute } from "@/lib/web/server/route-table";
import { checkResponse } from "@/test/contract";

export async function serveRoutes(
  select: Parameters<typeof apiRoutes>[0],
): Promise<{ url: string; close(): Promise<void> }> {
  const routes = await apiRoutes(select);
  let origin = "http://127.0.0.1";
  const server = http.createServer((req, res) => {
    const match = matchRoute(routes, req.method ?? "GET", new URL(req.url ?? "/", origin).pathname);
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    const { handler } = match;
    // Every answer is held to the OpenAPI document (test/contract.ts).
    const checked: typeof handler = handler.operation
      ? async (request, ctx) => {
          const answer = await handler(request, ctx);
          await checkResponse(handler.operation!, answer);
          return answer;
        }
      : handler;
    runRouteHandler(checked, match.params, req, res, origin).catch((e: unknown) => {
      console.error(e);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
