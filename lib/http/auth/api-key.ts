// API-key authentication for the endpoints other than authorize (which answers a bad key with a
// recorded decision instead): balance reads need a known, approved key. Usage reports also take a
// revoked key (`revokedMayReport`), for the calls it was authorized for before it was revoked.
// The key's context comes from the decision API's cache, so a revocation clears both at once.
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { bearerToken } from "@/lib/http/bearer";
import type { Auth } from "@/lib/http/route";
import { hashApiKey } from "@/lib/keys/api-key";
import { loadKeyContext, type KeyContext } from "@/lib/keys/key-context";

export function apiKey(opts: { revokedMayReport?: boolean } = {}): Auth<KeyContext> {
  return async (req) => {
    const secret = bearerToken(req);
    if (!secret)
      throw new AppError("key_missing", "Send the tenant's API key as `Authorization: Bearer <key>`.");
    const ctx = await loadKeyContext(prisma, hashApiKey(secret));
    if (!ctx) throw new AppError("key_unknown", "No API key matches the one sent.");
    if (ctx.key.status === "REVOKED" && !opts.revokedMayReport)
      throw new AppError("key_revoked", "This API key has been revoked.");
    if (ctx.key.status === "PENDING_APPROVAL")
      throw new AppError("approval_pending", "This API key is waiting for an administrator's approval.");
    return ctx;
  };
}
