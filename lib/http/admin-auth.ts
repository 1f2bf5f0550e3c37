// The operator's token for /api/v1/admin/*. Unset, the admin API does not exist (404, as if the
// routes were absent); set, a missing or wrong bearer token is a 401. Compared in constant time
// over SHA-256 digests, so neither the token's bytes nor its length leak through timing.
import { createHash, timingSafeEqual } from "node:crypto";

import type { AuditActor } from "@/lib/audit/record";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { bearerToken } from "@/lib/http/bearer";
import { clientIp } from "@/lib/http/client-ip";

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

export function authenticateAdmin(
  req: Request,
  configured: string | undefined = env().TOLLGATE_ADMIN_TOKEN,
): AuditActor {
  if (!configured) throw new AppError("not_found");
  const sent = bearerToken(req);
  if (!sent || !timingSafeEqual(digest(sent), digest(configured))) {
    throw new AppError(
      "unauthorized",
      "Send the admin token as `Authorization: Bearer $TOLLGATE_ADMIN_TOKEN`.",
      { code: "admin_token_invalid" },
    );
  }
  return { kind: "ADMIN_TOKEN", id: null, ip: clientIp(req.headers) };
}
