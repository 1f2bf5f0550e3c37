// Serves Next.js route handlers over real HTTP for integration tests (node:http ⇄ fetch Request
// and Response), so tests exercise the handlers through sockets without a Next build.
import http from "node:http";
import { Readable } from "node:stream";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Routes = Record<string, Partial<Record<string, Handler>>>;

/** The routes entry for a path: an exact key, or a pattern like "/tenants/:id" (its params filled). */
function matchRoute(routes: Routes, pathname: string): { methods: Partial<Record<string, Handler>>; params: Record<string, string> } | undefined {
  if (routes[pathname]) return { methods: routes[pathname], params: {} };
  const parts = pathname.split("/");
  for (const [pattern, methods] of Object.entries(routes)) {
    const want = pattern.split("/");
    if (!pattern.includes(":") || want.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = want.every((seg, i) => {
      if (!seg.startsWith(":")) return seg === parts[i];
      params[seg.slice(1)] = decodeURIComponent(parts[i]!);
      return parts[i] !== "";
    });
    if (ok) return { methods, params };
  }
  return undefined;
}

export async function serveRoutes(routes: Routes): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const route = matchRoute(routes, url.pathname);
    const handler = route?.methods[req.method ?? "GET"];
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const request = new Request(url, {
      method: req.method,
      headers: Object.entries(req.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v.join(", ") : v] as [string, string]])),
      body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
      duplex: "half",
    } as RequestInit);
    const response = await handler(request, { params: Promise.resolve(route!.params) });
    res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
