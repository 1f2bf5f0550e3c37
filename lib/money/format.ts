// Credits are BigInt micro-USD. These are the only places that turn them into text or JSON.
export const MICROS_PER_USD = 1_000_000n;

export function usdToMicros(usd: number): bigint {
  return BigInt(Math.round(usd * 1_000_000));
}

/** "$1,234.56" (more decimals only when a value is below one cent). */
export function formatMicros(micros: bigint, opts: { currency?: string } = {}): string {
  const negative = micros < 0n;
  const abs = negative ? -micros : micros;
  const dollars = abs / MICROS_PER_USD;
  const rest = abs % MICROS_PER_USD;
  const fractionDigits = abs !== 0n && abs < 10_000n ? 6 : 2;
  const fraction = (rest * 10n ** BigInt(fractionDigits)) / MICROS_PER_USD;
  const whole = dollars.toLocaleString("en-US");
  const text = `${whole}.${fraction.toString().padStart(fractionDigits, "0")}`;
  const symbol = (opts.currency ?? "USD") === "USD" ? "$" : `${opts.currency} `;
  return `${negative ? "-" : ""}${symbol}${text}`;
}

/** JSON-safe money: a decimal string of micro-USD (BigInt cannot go through JSON.stringify). */
export function microsToJson(micros: bigint): string {
  return micros.toString();
}
