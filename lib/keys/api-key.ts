// API key secrets: `tg_<env>_<random>`. Only the SHA-256 hash and a short prefix are stored, so a
// database leak reveals no usable key. SHA-256 (not a slow hash) is right here: the secret has
// 190+ bits of entropy and the lookup runs on every authorize call.
import { createHash, randomBytes } from "node:crypto";

export const KEY_PREFIX_LENGTH = 12;

export function hashApiKey(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function apiKeyPrefix(secret: string): string {
  return secret.slice(0, KEY_PREFIX_LENGTH);
}

export function generateApiKey(env: "live" | "test" = "live"): {
  secret: string;
  prefix: string;
  hash: string;
} {
  const secret = `tg_${env}_${randomBytes(24).toString("base64url")}`;
  return { secret, prefix: apiKeyPrefix(secret), hash: hashApiKey(secret) };
}
