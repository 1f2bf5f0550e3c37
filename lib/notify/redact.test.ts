import { describe, expect, it } from "vitest";

import { redactSecrets } from "@/lib/notify/redact";

describe("redactSecrets", () => {
  it.each([
    ["the whole key", "bad key whsec_c2VjcmV0LWtleQ==", ["whsec_c2VjcmV0LWtleQ=="], "bad key [redacted]"],
    [
      "the key without its prefix",
      "cannot decode c2VjcmV0LWtleQ==",
      ["whsec_c2VjcmV0LWtleQ=="],
      "cannot decode [redacted]",
    ],
    [
      "a URL-encoded password",
      "login as u:p%40ss%2Fword failed",
      ["p@ss/word"],
      "login as u:[redacted] failed",
    ],
    [
      "every occurrence of several secrets",
      "a=k1k1k1 b=pw-123 a=k1k1k1",
      ["k1k1k1", "pw-123", null],
      "a=[redacted] b=[redacted] a=[redacted]",
    ],
    ["nothing when no secret occurs", "HTTP 500", ["routing-key-1"], "HTTP 500"],
    [
      "nothing for a too-short secret (it would blank ordinary words)",
      "a bad gateway",
      ["a"],
      "a bad gateway",
    ],
  ])("removes %s", (_name, text, secrets, expected) => {
    expect(redactSecrets(text, secrets)).toBe(expected);
  });

  it("keeps null as null", () => {
    expect(redactSecrets(null, ["secret"])).toBeNull();
  });
});
