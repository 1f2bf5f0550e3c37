// next-auth configuration: email + password (Credentials) with JWT sessions. The JWT carries the
// user id, role and tenant as they were at sign-in, for client components (where to land after
// signing in). Server code never trusts them: lib/web/session.ts re-reads the user on every
// request, so a removed user or a changed role takes effect at once.
import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";

import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { checkSignIn, TOO_MANY_SIGN_INS } from "@/lib/auth/sign-in-throttle";
import { decisionDeps } from "@/lib/authorize/runtime";
import { prisma } from "@/lib/db";
import { clientIp } from "@/lib/http/client-ip";
import type { RateLimiter } from "@/lib/ratelimit/sliding-window";

const credentials = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(200),
});

// An unknown email still costs one argon2 verification, so response time does not reveal which
// emails have accounts.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword("tollgate-decoy-password"));

/** Checks an email and password; throws TOO_MANY_SIGN_INS past the throttle (shown as is on the form). */
export async function authenticate(
  input: unknown,
  ip: string | null = null,
  limiter: RateLimiter = decisionDeps().limiter,
): Promise<User | null> {
  const parsed = credentials.safeParse(input);
  if (!parsed.success) return null;
  if (!(await checkSignIn(limiter, { email: parsed.data.email, ip })).allowed)
    throw new Error(TOO_MANY_SIGN_INS);
  const user = await prisma.user.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, email: true, name: true, role: true, tenantId: true, passwordHash: true },
  });
  if (!user) {
    await verifyPassword(await decoy(), parsed.data.password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, parsed.data.password))) return null;
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { id: user.id, email: user.email, name: user.name, role: user.role, tenantId: user.tenantId };
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      authorize: (input, req) => authenticate(input, clientIp(req.headers)),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // `user` is present only on the sign-in request itself.
      if (user) Object.assign(token, { userId: user.id, role: user.role, tenantId: user.tenantId });
      return token;
    },
    session({ session, token }) {
      if (session.user && token.userId && token.role) {
        Object.assign(session.user, { id: token.userId, role: token.role, tenantId: token.tenantId ?? null });
      }
      return session;
    },
  },
};
