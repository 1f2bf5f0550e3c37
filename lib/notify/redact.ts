// Secrets out of stored and logged text: a library's error message may quote what it was given
// (a signing key, a connection URL with its password), and that text reaches the delivery log,
// the job table and the worker's output.
const MIN_SECRET_LENGTH = 4;

export function redactSecrets(text: string | null, secrets: Array<string | null | undefined>): string | null {
  if (text === null) return null;
  let out = text;
  for (const s of secrets) {
    // A very short "secret" would blank out ordinary words; no real key is that short.
    if (!s || s.length < MIN_SECRET_LENGTH) continue;
    // A whsec_ key is also quoted without its prefix (the base64 part is what gets decoded).
    for (const form of new Set([s, s.replace(/^whsec_/, ""), encodeURIComponent(s)])) {
      if (form.length >= MIN_SECRET_LENGTH) out = out.replaceAll(form, "[redacted]");
    }
  }
  return out;
}
