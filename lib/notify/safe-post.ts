// Outbound HTTP for alert channels, hardened against SSRF (OWASP API7): https only, and the
// address the name resolves to is checked at connect time (after DNS, so a name that later
// resolves somewhere private is still refused) against private, loopback, link-local and other
// non-public ranges — unless private URLs are allowed (ALERTS_ALLOW_PRIVATE_URLS, tests, demo).
// A 5-second deadline for the whole exchange, redirects never followed, at most 64 KB of the answer read.
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

export const SEND_TIMEOUT_MS = 5_000;
export const MAX_RESPONSE_BYTES = 64 * 1024;

export type PostResult = {
  ok: boolean;
  status: number | null;
  body: string | null;
  error: string | null;
  latencyMs: number;
};

export class UnsafeUrlError extends Error {}

export function isPublicAddress(address: string): boolean {
  const parsed = ipaddr.parse(address);
  const ip =
    parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()
      ? (parsed as ipaddr.IPv6).toIPv4Address()
      : parsed;
  return ip.range() === "unicast";
}

/**
 * Checked when a channel is saved and before every delivery: https, no credentials, and no literal
 * non-public address (a name is checked at connect time, after DNS, by guardedLookup).
 */
export function checkUrl(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUrlError("is not a valid URL");
  }
  if (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:"))
    throw new UnsafeUrlError("must be an https:// URL");
  if (url.username || url.password) throw new UnsafeUrlError("must not carry credentials");
  // A literal IP skips DNS (and the lookup hook): check it here.
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivate && ipaddr.isValid(host) && !isPublicAddress(host))
    throw new UnsafeUrlError(`${host} is not a public address`);
  return url;
}

const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, "", 0);
    const list = addresses as dns.LookupAddress[];
    const bad = list.find((a) => !isPublicAddress(a.address));
    if (bad)
      return callback(
        new UnsafeUrlError(`${hostname} resolves to a non-public address (${bad.address})`),
        "",
        0,
      );
    if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
};

export function safePost(
  raw: string,
  body: string,
  headers: Record<string, string>,
  opts: { allowPrivate: boolean; timeoutMs?: number },
): Promise<PostResult> {
  const started = performance.now();
  const done = (r: Omit<PostResult, "latencyMs">): PostResult => ({
    ...r,
    latencyMs: Math.round(performance.now() - started),
  });
  let url: URL;
  try {
    url = checkUrl(raw, opts.allowPrivate);
  } catch (e) {
    return Promise.resolve(
      done({ ok: false, status: null, body: null, error: `URL ${(e as Error).message}` }),
    );
  }
  const timeoutMs = opts.timeoutMs ?? SEND_TIMEOUT_MS;
  return new Promise((resolve) => {
    // One result per request: the deadline, an error and the end of the answer may all report.
    let settled = false;
    const settle = (r: Omit<PostResult, "latencyMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(done(r));
    };
    let statusSeen: number | null = null;
    // A hard deadline for the whole exchange (DNS, connect, headers, body). A socket timeout
    // would not do: it restarts on every byte, so a receiver trickling its answer could hold a
    // worker's slot for ever.
    const deadline = setTimeout(() => {
      settle({
        ok: false,
        status: statusSeen,
        body: null,
        error: `no complete answer within ${timeoutMs / 1000} s`,
      });
      req.destroy();
    }, timeoutMs);
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(
      url,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "Tollgate-Alerts/1",
          ...headers,
          "content-length": Buffer.byteLength(body),
        },
        ...(opts.allowPrivate ? {} : { lookup: guardedLookup }),
      },
      (res) => {
        statusSeen = res.statusCode ?? null;
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          if (size >= MAX_RESPONSE_BYTES) return;
          chunks.push(c.subarray(0, MAX_RESPONSE_BYTES - size));
          size += c.length;
          if (size >= MAX_RESPONSE_BYTES) res.destroy();
        });
        const finish = () => {
          const status = res.statusCode ?? 0;
          // 3xx counts as a failure: redirects are never followed.
          settle({
            ok: status >= 200 && status < 300,
            status,
            body: Buffer.concat(chunks).toString("utf8"),
            error: status >= 200 && status < 300 ? null : `HTTP ${status}`,
          });
        };
        res.once("end", finish);
        res.once("close", finish);
      },
    );
    req.once("error", (e) => settle({ ok: false, status: null, body: null, error: e.message }));
    req.end(body);
  });
}
