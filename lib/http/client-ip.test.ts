import { describe, expect, it } from "vitest";

import { clientIp } from "@/lib/http/client-ip";

describe("clientIp", () => {
  it.each([
    [{ "x-forwarded-for": " 198.51.100.4 , 10.0.0.2" }, "198.51.100.4"],
    [{ "x-real-ip": "2001:db8::1" }, "2001:db8::1"],
    [{ "x-forwarded-for": "", "x-real-ip": "192.0.2.1" }, "192.0.2.1"],
    [{ "x-forwarded-for": "x".repeat(80) }, "x".repeat(64)],
    [{}, null],
  ])("%j → %s", (headers, ip) => {
    // The same answer from a Request's Headers (routes, actions) and next-auth's plain record (sign-in).
    expect(clientIp(new Headers(headers))).toBe(ip);
    expect(clientIp(headers)).toBe(ip);
  });
});
