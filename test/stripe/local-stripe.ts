// A local stand-in for api.stripe.com that records every request (method, path, form body,
// idempotency key) and answers from handlers the test gives, for pointing the stripe client at
// (STRIPE_API_BASE or createStripe's apiBase).
import http from "node:http";

export type RecordedRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  form: URLSearchParams;
  idempotencyKey: string | null;
  authorization: string | null;
};
type Reply = {
  status?: number;
  body: unknown;
  /** Answer late, e.g. so two requests overlap. */ delayMs?: number;
};
type Handler = (req: RecordedRequest) => Reply | undefined;

export type LocalStripe = {
  url: string;
  requests: RecordedRequest[];
  on(method: string, path: string | RegExp, handler: Handler): void;
  close(): Promise<void>;
};

export async function startLocalStripe(): Promise<LocalStripe> {
  const requests: RecordedRequest[] = [];
  const routes: Array<{ method: string; path: string | RegExp; handler: Handler }> = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const recorded: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      form: new URLSearchParams(Buffer.concat(chunks).toString()),
      idempotencyKey: (req.headers["idempotency-key"] as string | undefined) ?? null,
      authorization: req.headers.authorization ?? null,
    };
    requests.push(recorded);
    const route = routes.find(
      (r) =>
        r.method === recorded.method &&
        (typeof r.path === "string" ? r.path === recorded.path : r.path.test(recorded.path)),
    );
    const reply = route?.handler(recorded) ?? {
      status: 404,
      body: {
        error: { type: "invalid_request_error", message: `no route ${recorded.method} ${recorded.path}` },
      },
    };
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    res
      .writeHead(reply.status ?? 200, {
        "Content-Type": "application/json",
        "Request-Id": `req_${requests.length}`,
      })
      .end(JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    on: (method, path, handler) => void routes.push({ method, path, handler }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Stripe's list envelope. */
export const list = <T>(data: T[], url: string) => ({ object: "list", data, has_more: false, url });
