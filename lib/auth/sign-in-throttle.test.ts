// Password guessing is braked per email and per address; the right password does not get through
// the brake, and other accounts are not locked out by one account's attempts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { hashPassword } from "@/lib/auth/password";
import { checkSignIn, TOO_MANY_SIGN_INS } from "@/lib/auth/sign-in-throttle";
import { InProcessRateLimiter } from "@/lib/ratelimit/sliding-window";
import { createTestDatabase, type TestDatabase } from "@/test/db";

const at = new Date("2026-12-01T10:00:30Z");

describe("checkSignIn", () => {
  it.each([
    ["10 tries of one email pass, the 11th is braked", { email: "a@x.test", ip: null }, 10, 1],
    ["60 tries from one address pass, the 61st is braked", { email: "", ip: "203.0.113.7" }, 60, 1],
  ])("%s", async (_name, who, passes, braked) => {
    const limiter = new InProcessRateLimiter();
    const verdicts = [];
    for (let i = 0; i < passes + braked; i++) {
      verdicts.push(
        await checkSignIn(limiter, who.email ? who : { email: `user${i}@x.test`, ip: who.ip }, at),
      );
    }
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(passes);
    expect(verdicts.at(-1)).toEqual({ allowed: false, retryAfterSeconds: 30 });
  });
});

describe("authenticate behind the brake", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("sign_in_throttle");
    process.env.DATABASE_URL = db.url;
    const passwordHash = await hashPassword("right-password");
    await db.prisma.user.createMany({
      data: [
        { email: "owner@guessed.test", name: "Guessed", passwordHash, role: "ADMIN" },
        { email: "other@guessed.test", name: "Other", passwordHash, role: "ADMIN" },
      ],
    });
  });
  afterAll(async () => {
    await (await import("@/lib/db")).prisma.$disconnect();
    await db?.drop();
  });

  it("refuses even the right password after 10 wrong ones, and leaves other accounts alone", async () => {
    const { authenticate } = await import("@/lib/auth/options");
    const limiter = new InProcessRateLimiter();
    for (let i = 0; i < 10; i++)
      expect(
        await authenticate({ email: "owner@guessed.test", password: `guess-${i}` }, "198.51.100.1", limiter),
      ).toBeNull();
    await expect(
      authenticate({ email: "owner@guessed.test", password: "right-password" }, "198.51.100.2", limiter),
    ).rejects.toThrow(TOO_MANY_SIGN_INS);
    // The email is normalized before it is counted: case and spaces do not reset the count.
    await expect(
      authenticate({ email: "  OWNER@guessed.test ", password: "right-password" }, null, limiter),
    ).rejects.toThrow(TOO_MANY_SIGN_INS);
    expect(
      await authenticate(
        { email: "other@guessed.test", password: "right-password" },
        "198.51.100.1",
        limiter,
      ),
    ).toMatchObject({ email: "other@guessed.test", role: "ADMIN" });
  });
});
