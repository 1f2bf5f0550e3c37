// A local HTTP receiver for outbound-notification tests: records every request and answers as
// the test says (status, body, delay), so retries, timeouts and signatures can be asserted.
import http from "node:http";

export type Received = { path: string; headers: http.IncomingHttpHeaders; body: string; at: number };
export type Answer = { status: number; body?: string; delayMs?: number; headers?: Record<string, string> };

export async function startReceiver(
  answer: (req: Received, index: number) => Answer = () => ({ status: 200 }),
) {
  const requests: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const received = {
        path: req.url ?? "/",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at: Date.now(),
      };
      requests.push(received);
      const a = answer(received, requests.length - 1);
      setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(a.status, { "content-type": "text/plain", ...a.headers }).end(a.body ?? "ok");
      }, a.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
