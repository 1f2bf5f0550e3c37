import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors/app-error";
import { toProblem } from "@/lib/errors/problem";
import { authenticateAdmin } from "@/lib/http/auth/admin-token";

const TOKEN = "a".repeat(32);
const req = (headers: Record<string, string>) => new Request("http://x/api/v1/admin/plans", { headers });

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof AppError)) return "not an AppError";
    const { type, code } = toProblem(e);
    return `${type.split("/").pop()}/${code}`;
  }
  return undefined;
}

describe("authenticateAdmin", () => {
  it.each([
    [
      "no token configured, even with a bearer sent",
      undefined,
      { Authorization: `Bearer ${TOKEN}` },
      "not_found/not_found",
    ],
    ["no Authorization header", TOKEN, {}, "unauthorized/admin_token_invalid"],
    ["another scheme", TOKEN, { Authorization: `Basic ${TOKEN}` }, "unauthorized/admin_token_invalid"],
    [
      "a wrong token of the same length",
      TOKEN,
      { Authorization: `Bearer ${"b".repeat(32)}` },
      "unauthorized/admin_token_invalid",
    ],
    [
      "a prefix of the token",
      TOKEN,
      { Authorization: `Bearer ${TOKEN.slice(0, 31)}` },
      "unauthorized/admin_token_invalid",
    ],
    [
      "the token plus a character",
      TOKEN,
      { Authorization: `Bearer ${TOKEN}a` },
      "unauthorized/admin_token_invalid",
    ],
  ])("refuses %s", (_name, configured, headers, expected) => {
    expect(codeOf(() => authenticateAdmin(req(headers), configured))).toBe(expected);
  });

  it("accepts the token and names the actor for the audit trail", () => {
    expect(
      authenticateAdmin(
        req({ Authorization: `Bearer ${TOKEN}`, "X-Forwarded-For": "203.0.113.9, 10.0.0.1" }),
        TOKEN,
      ),
    ).toEqual({ kind: "ADMIN_TOKEN", id: null, ip: "203.0.113.9" });
  });
});
