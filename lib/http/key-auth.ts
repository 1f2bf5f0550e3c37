// API-key authentication for the endpoints other than authorize (which answers a bad key with a
// recorded decision instead): balance reads need a known, approved key. Usage reports also take a
// revoked key (`revokedMayReport`), for the calls it was authorized for before it was revoked.
import { loadKeyContext, type KeyContext } from "@/lib/authorize/load-context";
import { AppError } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { bearerToken } from "@/lib/http/bearer";
import { hashApiKey } from "@/lib/keys/api-key";

export async function authenticateKey(
  prisma: PrismaClient,
  req: Request,
  opts: { revokedMayReport?: boolean } = {},
): Promise<KeyContext> {
  const secret = bearerToken(req);
  if (!secret)
    throw new AppError("unauthorized", "Send the tenant's API key as `Authorization: Bearer <key>`.", {
      code: "key_missing",
    });
  const ctx = await loadKeyContext(prisma, hashApiKey(secret));
  if (!ctx) throw new AppError("unauthorized", "No API key matches the one sent.", { code: "key_unknown" });
  if (ctx.key.status === "REVOKED" && !opts.revokedMayReport)
    throw new AppError("unauthorized", "This API key has been revoked.", { code: "key_revoked" });
  if (ctx.key.status === "PENDING_APPROVAL")
    throw new AppError("forbidden", "This API key is waiting for an administrator's approval.", {
      code: "approval_pending",
    });
  return ctx;
}
