// Tests only: a fetch that passes every request through unchanged and keeps a log of what was sent
// and what came back, so a test can count requests and read the headers the client acted on.
export type Sent = {
  method: string;
  path: string;
  body: unknown;
  status: number | null;
  retryAfter: string | null;
};

export function recordingFetch(log: Sent[]): typeof fetch {
  return async (input, init) => {
    const entry: Sent = {
      method: init?.method ?? "GET",
      path: new URL(input instanceof Request ? input.url : String(input)).pathname,
      body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined,
      status: null,
      retryAfter: null,
    };
    log.push(entry);
    const res = await fetch(input, init);
    entry.status = res.status;
    entry.retryAfter = res.headers.get("retry-after");
    return res;
  };
}
