// A brake on password guessing: at most `perEmail` sign-in attempts a minute for one email and
// `perIp` from one address, counted in the same sliding window as the decision API's rate limits
// (in Redis, shared by every instance, when REDIS_URL is set). Past the limit even the right
// password is refused until the window slides, so the answer reveals nothing about it.
import type { RateLimiter } from "@/lib/ratelimit/sliding-window";

export const TOO_MANY_SIGN_INS = "Too many sign-in attempts. Wait a minute, then try again.";

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export async function checkSignIn(
  limiter: RateLimiter,
  who: { email: string; ip: string | null },
  now = new Date(),
  limits = { perEmail: 10, perIp: 60 },
): Promise<ThrottleVerdict> {
  const checks = [limiter.hit(`signin:email:${who.email}`, limits.perEmail, now)];
  if (who.ip) checks.push(limiter.hit(`signin:ip:${who.ip}`, limits.perIp, now));
  const limited = (await Promise.all(checks)).filter((s) => s.limited);
  if (limited.length === 0) return { allowed: true };
  const resetsAt = Math.max(...limited.map((s) => s.resetsAt.getTime()));
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((resetsAt - now.getTime()) / 1000)) };
}
