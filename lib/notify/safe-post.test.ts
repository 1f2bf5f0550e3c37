// The SSRF guard and the limits of outbound alert requests, against a local receiver.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { isPublicAddress, MAX_RESPONSE_BYTES, safePost } from "@/lib/notify/safe-post";
import { startReceiver } from "@/test/receiver";

describe("isPublicAddress", () => {
  it.each([
    ["8.8.8.8", true],
    ["2606:4700:4700::1111", true],
    ["10.1.2.3", false],
    ["172.16.0.1", false],
    ["192.168.1.1", false],
    ["127.0.0.1", false],
    ["169.254.169.254", false],
    ["100.64.0.1", false],
    ["0.0.0.0", false],
    ["::1", false],
    ["fd00::1", false],
    ["fe80::1", false],
    ["::ffff:127.0.0.1", false],
    ["::ffff:10.0.0.1", false],
  ])("%s → %s", (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe("safePost", () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver((r) => {
      if (r.path === "/redirect") return { status: 302, headers: { location: "/elsewhere" } };
      if (r.path === "/big") return { status: 200, body: "x".repeat(MAX_RESPONSE_BYTES * 3) };
      if (r.path === "/slow") return { status: 200, delayMs: 2_000 };
      return { status: 200, body: "ok" };
    });
  });
  afterAll(() => receiver?.close());
  const strict = { allowPrivate: false };
  const relaxed = { allowPrivate: true };

  it.each([
    ["plain http", "http://hooks.example.com/x", /must be an https:\/\/ URL/],
    ["a loopback literal", "https://127.0.0.1/x", /not a public address/],
    ["an IPv6 loopback literal", "https://[::1]/x", /not a public address/],
    ["the cloud metadata address", "https://169.254.169.254/latest", /not a public address/],
    [
      "a name that resolves to loopback (checked after DNS)",
      "https://localhost:1/x",
      /resolves to a non-public address/,
    ],
    ["credentials in the URL", "https://user:pass@hooks.example.com/x", /must not carry credentials/],
    ["not a URL", "hooks.example.com", /not a valid URL/],
  ])("refuses %s in production", async (_name, url, error) => {
    const before = receiver.requests.length;
    const r = await safePost(url, "{}", {}, strict);
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(error);
    expect(receiver.requests.length).toBe(before);
  });

  it("posts to a private receiver only when private URLs are allowed", async () => {
    expect((await safePost(`${receiver.url}/ok`, '{"a":1}', { "x-test": "1" }, strict)).ok).toBe(false);
    const r = await safePost(`${receiver.url}/ok`, '{"a":1}', { "x-test": "1" }, relaxed);
    expect(r).toMatchObject({ ok: true, status: 200, body: "ok", error: null });
    expect(receiver.requests.at(-1)).toMatchObject({
      path: "/ok",
      body: '{"a":1}',
      headers: { "x-test": "1", "content-type": "application/json" },
    });
  });

  it("never follows a redirect", async () => {
    const before = receiver.requests.length;
    expect(await safePost(`${receiver.url}/redirect`, "{}", {}, relaxed)).toMatchObject({
      ok: false,
      status: 302,
      error: "HTTP 302",
    });
    expect(receiver.requests.length).toBe(before + 1);
  });

  it("reads at most 64 KB of an answer", async () => {
    const r = await safePost(`${receiver.url}/big`, "{}", {}, relaxed);
    expect(r.body!.length).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
    expect(r.body!.length).toBeGreaterThan(0);
  });

  it("gives up on a receiver that does not answer in time", async () => {
    const r = await safePost(`${receiver.url}/slow`, "{}", {}, { allowPrivate: true, timeoutMs: 300 });
    expect(r).toMatchObject({
      ok: false,
      status: null,
      error: expect.stringMatching(/no complete answer within 0.3 s/),
    });
  });

  // A receiver that keeps the socket busy with a byte every 50 ms: a socket (idle) timeout never
  // fires on it, the total deadline must.
  describe("a receiver trickling its answer", () => {
    let trickler: net.Server;
    let base = "";
    beforeAll(async () => {
      trickler = net.createServer((socket) => {
        let started = false;
        socket.on("data", (chunk: Buffer) => {
          if (started) return;
          started = true;
          const inHeaders = chunk.toString().startsWith("POST /headers");
          const head = inHeaders
            ? "HTTP/1.1 200 OK\r\nx-slow: "
            : "HTTP/1.1 200 OK\r\ncontent-length: 1000\r\n\r\n";
          socket.write(head);
          const timer = setInterval(() => (socket.writable ? socket.write("x") : clearInterval(timer)), 50);
          socket.once("close", () => clearInterval(timer));
          socket.once("error", () => clearInterval(timer));
        });
      });
      await new Promise<void>((resolve) => trickler.listen(0, "127.0.0.1", resolve));
      base = `http://127.0.0.1:${(trickler.address() as net.AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => trickler.close(() => resolve())));

    it.each([
      ["its headers", "/headers", null],
      ["its body", "/body", 200],
    ])(
      "is cut off at the deadline while trickling %s",
      async (_name, path, status) => {
        const started = performance.now();
        const r = await safePost(`${base}${path}`, "{}", {}, { allowPrivate: true, timeoutMs: 400 });
        const elapsed = performance.now() - started;
        expect(r).toMatchObject({ ok: false, status, body: null, error: "no complete answer within 0.4 s" });
        expect(elapsed).toBeGreaterThanOrEqual(390);
        expect(elapsed).toBeLessThan(1_000);
      },
      5_000,
    );
  });
});
