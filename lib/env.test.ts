import { describe, expect, it } from "vitest";

import { EnvError, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("applies defaults for an empty environment", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.TOLLGATE_DATA_DIR).toBe(".data");
    expect(env.TOLLGATE_DEMO).toBe(false);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("treats blank values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "  ", REDIS_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ DATABASE_URL: "mysql://x" }, /^DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/],
    [{ PORT: "http" }, /^PORT /],
    [
      { NEXTAUTH_SECRET: "short" },
      /^NEXTAUTH_SECRET must be at least 32 characters \(generate one with `openssl rand -base64 32`\)/,
    ],
    [{ REDIS_URL: "127.0.0.1:6379" }, /^REDIS_URL must be a redis:\/\//],
    [{ STRIPE_SECRET_KEY: "pk_test_1" }, /^STRIPE_SECRET_KEY must start with sk_/],
    [{ NODE_ENV: "production" }, /^NEXTAUTH_SECRET is required in production/],
  ])("rejects %j with a line naming the variable", (source, message) => {
    expect(() => parseEnv(source)).toThrowError(EnvError);
    expect(() => parseEnv(source)).toThrowError(message);
  });

  it("lists every problem, one line each", () => {
    try {
      parseEnv({ DATABASE_URL: "x", PORT: "0" });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message.split("\n")).toHaveLength(2);
    }
  });

  it("lets the demo run in production mode without a secret", () => {
    expect(parseEnv({ NODE_ENV: "production", TOLLGATE_DEMO: "1" }).TOLLGATE_DEMO).toBe(true);
  });
});
