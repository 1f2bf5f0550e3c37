// Dollars as people type them into a form, read exactly into micro-USD (no float arithmetic).
import { z } from "zod";

/** "12.5" → 12_500_000n micro-USD; "$1,250" is read too; up to 6 decimals. */
export function dollarsToMicros(text: string): bigint | null {
  const m = /^\s*\$?\s*(\d{1,9})(?:\.(\d{1,6}))?\s*$/.exec(text.replaceAll(",", ""));
  if (!m) return null;
  return BigInt(m[1]!) * 1_000_000n + BigInt((m[2] ?? "").padEnd(6, "0"));
}

/** A positive dollar amount field, as micro-USD. */
export const dollarsField = z.string().transform((v, ctx) => {
  const n = dollarsToMicros(v);
  if (n === null || n === 0n) {
    ctx.addIssue({ code: "custom", message: "Enter an amount in dollars, e.g. 25 or 12.50" });
    return z.NEVER;
  }
  return n;
});
