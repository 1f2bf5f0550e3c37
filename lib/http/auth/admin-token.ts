// The operator's token for /api/v1/admin/*. Unset, the admin API does not exist (404, as if the
// routes were absent); set, a missing or wrong bearer token is a 401. Compared in constant time
// over SHA-256 digests, so neither the token's bytes nor its length leak through timing.
import { createHash, timingSafeEqual } from "node:crypto";

import type { AuditActor } from "@/lib/audit/record";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { bearerToken } from "@/lib/http/bearer";
import { clientIp } from "@/lib/http/client-ip";
import type { Auth } from "@/lib/http/route";

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/** The audit actor of an admin API call (`configured` is the token, read from the env unless given). */
export function authenticateAdmin(
  req: Request,
  configured: string | undefined = env().TOLLGATE_ADMIN_TOKEN,
): AuditActor {
  if (!configured) throw new AppError("not_found");
  const sent = bearerToken(req);
  if (!sent || !timingSafeEqual(digest(sent), digest(configured)))
    throw new AppError(
      "admin_token_invalid",
      "Send the admin token as `Authorization: Bearer $TOLLGATE_ADMIN_TOKEN`.",
    );
  return { kind: "ADMIN_TOKEN", id: null, ip: clientIp(req.headers) };
}

/** The route strategy: checked before any body is read, so a bad token never costs a parse. */
export const adminToken: Auth<AuditActor> = (req) => authenticateAdmin(req);
