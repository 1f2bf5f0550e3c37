// The audit actor of a dashboard change: the signed-in user and the client address the proxy
// reports (lib/http/client-ip.ts), from the request headers the caller passes in.
import type { AuditActor } from "@/lib/audit/record";
import { clientIp } from "@/lib/http/client-ip";

export function userActor(userId: string, headers: Pick<Headers, "get">): AuditActor {
  return { kind: "USER", id: userId, ip: clientIp(headers) };
}
