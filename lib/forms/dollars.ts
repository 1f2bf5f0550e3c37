// Dollars as people type them into a form, read exactly into micro-USD (no float arithmetic).
import { z } from "zod";

/** "12.5" → 12_500_000n micro-USD; "$1,250" is read too; up to 6 decimals. */
export function dollarsToMicros(text: string): bigint | null {
  const m = /^\s*\$?\s*(\d{1,9})(?:\.(\d{1,6}))?\s*$/.exec(text.replaceAll(",", ""));
  if (!m) return null;
  return BigInt(m[1]!) * 1_000_000n + BigInt((m[2] ?? "").padEnd(6, "0"));
}

/** The reverse, for a field's default value: 75_000n → "0.075", 2_500_000n → "2.5" (exact). */
export function microsToDollars(micros: bigint): string {
  const sign = micros < 0n ? "-" : "";
  const abs = micros < 0n ? -micros : micros;
  const fraction = (abs % 1_000_000n).toString().padStart(6, "0").replace(/0+$/, "");
  return `${sign}${abs / 1_000_000n}${fraction ? `.${fraction}` : ""}`;
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
