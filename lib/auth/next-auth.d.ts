// What Tollgate adds to next-auth's user, session and token (set in lib/auth/options.ts).
import "next-auth";
import "next-auth/jwt";

type TollgateRole = "ADMIN" | "TENANT_OWNER" | "TENANT_MEMBER";

declare module "next-auth" {
  interface User {
    role: TollgateRole;
    tenantId: string | null;
  }
  interface Session {
    user?: {
      id?: string;
      name?: string | null;
      email?: string | null;
      image?: string | null;
      role?: TollgateRole;
      tenantId?: string | null;
    };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId?: string;
    role?: TollgateRole;
    tenantId?: string | null;
  }
}
