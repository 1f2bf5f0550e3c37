// failMode when Tollgate cannot answer: a port where nothing listens, a server that accepts and never
// answers (or stalls mid-body) past timeoutMs, and one that answers 503. "closed" throws
// TollgateUnavailable; "open" lets authorize and guard through unreserved and says so.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { freePort } from "@/lib/db/embedded";

import { createTollgate, TollgateUnavailable, type ErrorContext, type FailMode } from "../src";
import { recordingFetch, type Sent } from "./recording-fetch";

const CALL = { requestId: "fm-1", model: "gpt-4o-mini", inputTokens: 1000, maxOutputTokens: 500 };
const TIMEOUT_MS = 300;

type Target = { name: string; reason: TollgateUnavailable["reason"]; url: () => string };

const servers: http.Server[] = [];
async function listen(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

const urls: Record<string, string> = {};
beforeAll(async () => {
  urls.nothing = `http://127.0.0.1:${await freePort()}`;
  urls.hangs = await listen(() => undefined);
  urls.stalls = await listen((_req, res) => {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.write('{"allowed": tr');
  });
  urls.fails = await listen((_req, res) => {
    res.writeHead(503, { "Content-Type": "application/problem+json" });
    res.end(JSON.stringify({ type: "x", title: "Unavailable", status: 503, code: "internal" }));
  });
});
afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

const targets: Target[] = [
  { name: "nothing listens", reason: "unreachable", url: () => urls.nothing! },
  { name: "the server never answers", reason: "timeout", url: () => urls.hangs! },
  { name: "the body stalls halfway", reason: "timeout", url: () => urls.stalls! },
  { name: "the server answers 503", reason: "server_error", url: () => urls.fails! },
];

function client<M extends FailMode>(url: string, failMode: M) {
  const sent: Sent[] = [];
  const errors: Array<[unknown, ErrorContext]> = [];
  const tollgate = createTollgate({
    baseUrl: url,
    apiKey: "tg_test_unused",
    timeoutMs: TIMEOUT_MS,
    failMode,
    fetch: recordingFetch(sent),
    onError: (e, c) => errors.push([e, c]),
  });
  return { tollgate, sent, errors };
}

describe.each(targets)("when $name", ({ reason, url }) => {
  it('"closed" throws TollgateUnavailable from authorize and guard, and never runs the function', async () => {
    const { tollgate } = client(url(), "closed");
    const started = Date.now();
    const e = await tollgate.authorize(CALL).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TollgateUnavailable);
    expect((e as TollgateUnavailable).reason).toBe(reason);
    if (reason === "timeout") expect(Date.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS - 10);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 2_000);
    if (reason === "server_error") expect((e as TollgateUnavailable).status).toBe(503);

    const run = vi.fn();
    await expect(tollgate.guard(CALL, run)).rejects.toBeInstanceOf(TollgateUnavailable);
    expect(run).not.toHaveBeenCalled();
  });

  it('"open" answers a marked allow, and guard runs the function unreserved and tries to report once', async () => {
    const { tollgate, sent, errors } = client(url(), "open");
    const auth = await tollgate.authorize(CALL);
    expect(auth).toMatchObject({ allowed: true, failOpen: true, reservation: null, requestId: "fm-1" });
    if (!auth.failOpen) throw new Error("expected a fail-open answer");
    expect(auth.cause.reason).toBe(reason);
    expect(errors.map(([, c]) => c.operation)).toEqual(["authorize"]);

    sent.length = 0;
    errors.length = 0;
    const result = await tollgate.guard(CALL, async (a) => {
      expect(a.failOpen).toBe(true);
      return { usage: { inputTokens: 900, outputTokens: 40 }, result: 42 };
    });
    expect(result).toBe(42);
    expect(sent.map((s) => s.path)).toEqual(["/api/v1/authorize", "/api/v1/usage"]);
    expect(sent[1]!.body).toEqual({
      requestId: "fm-1",
      model: "gpt-4o-mini",
      inputTokens: 900,
      outputTokens: 40,
    });
    expect(errors.map(([e, c]) => [c.operation, e instanceof TollgateUnavailable])).toEqual([
      ["authorize", true],
      ["reportUsage", true],
    ]);
  });
});

it("other calls throw TollgateUnavailable whatever the fail mode: there is nothing to let through", async () => {
  const { tollgate } = client(`http://127.0.0.1:${await freePort()}`, "open");
  await expect(tollgate.balance()).rejects.toBeInstanceOf(TollgateUnavailable);
  await expect(
    tollgate.reportUsage({ requestId: "x", model: "gpt-4o-mini", inputTokens: 1, outputTokens: 1 }),
  ).rejects.toBeInstanceOf(TollgateUnavailable);
});
