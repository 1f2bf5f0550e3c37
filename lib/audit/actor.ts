// The audit actor of a dashboard change: the signed-in user and the client address the proxy
// reports (first x-forwarded-for hop), from the request headers the caller passes in.
import type { AuditActor } from "@/lib/audit/record";

export function userActor(userId: string, headers: Pick<Headers, "get">): AuditActor {
  const ip =
    headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip")?.trim() || null;
  return { kind: "USER", id: userId, ip: ip ? ip.slice(0, 64) : null };
}
