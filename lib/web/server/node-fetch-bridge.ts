// Runs a fetch-style route handler (Request → Response, as Next.js route handlers are) on a
// node:http request. Used by the decision fast path and by tests that serve route handlers.
import type http from "node:http";

import { MAX_BODY_BYTES } from "@/lib/http/read-json";
import type { RouteHandler } from "@/lib/http/route";

/**
 * Reads at most `cap` + 1 bytes of the body: enough for readJson() to answer 413 exactly as it
 * does under Next, without buffering a huge upload. An over-long body closes the connection.
 */
function readBody(req: http.IncomingMessage, cap: number): Promise<{ body: Buffer; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > cap) {
        req.off("data", onData);
        req.pause();
        resolve({ body: Buffer.concat(chunks).subarray(0, cap + 1), truncated: true });
      }
    };
    req.on("data", onData);
    req.once("end", () => resolve({ body: Buffer.concat(chunks), truncated: false }));
    req.once("error", reject);
  });
}

function headersOf(req: http.IncomingMessage): Headers {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}

export async function runRouteHandler(
  handler: RouteHandler,
  params: Record<string, string>,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  origin: string,
): Promise<void> {
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const { body, truncated } = hasBody
    ? await readBody(req, MAX_BODY_BYTES)
    : { body: undefined, truncated: false };
  const request = new Request(new URL(req.url ?? "/", origin), {
    method: req.method,
    headers: headersOf(req),
    body: body as Uint8Array<ArrayBuffer> | undefined,
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  const out = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = Object.fromEntries(response.headers.entries());
  if (truncated) headers.connection = "close";
  res.writeHead(response.status, { ...headers, "content-length": String(out.length) });
  res.end(out);
}
