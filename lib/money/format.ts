// The one place money becomes text: credits are BigInt micro-USD, Stripe amounts are integers in
// a currency's minor units (cents, or yen for a zero-decimal currency). Every conversion here is
// integer arithmetic; a float appears only in microsToChartValue, for a chart's geometry.
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

/**
 * A unit price ("per million tokens", "per call") to the micro-USD: "$0.15", "$0.075", "$2.50",
 * "$0.000001". Unlike formatMicros it never rounds a price people compare: at least 2 decimals,
 * more only when the price has them.
 */
export function formatPriceMicros(micros: bigint): string {
  const negative = micros < 0n;
  const abs = negative ? -micros : micros;
  const fraction = (abs % MICROS_PER_USD)
    .toString()
    .padStart(6, "0")
    .replace(/0{1,4}$/, "");
  return `${negative ? "-" : ""}$${(abs / MICROS_PER_USD).toLocaleString("en-US")}.${fraction.padEnd(2, "0")}`;
}

/** JSON-safe money: a decimal string of micro-USD (BigInt cannot go through JSON.stringify). */
export function microsToJson(micros: bigint): string {
  return micros.toString();
}

const currencyFormats = new Map<string, Intl.NumberFormat>();
function currencyFormat(currency: string): Intl.NumberFormat {
  const code = currency.toUpperCase();
  let f = currencyFormats.get(code);
  if (!f) {
    f = new Intl.NumberFormat("en-US", { style: "currency", currency: code });
    currencyFormats.set(code, f);
  }
  return f;
}

/** "5.00" from 500 minor units: the currency's own number of decimals (0 for JPY), exact. */
function minorToDecimal(amount: bigint, currency: string): string {
  const digits = currencyFormat(currency).resolvedOptions().maximumFractionDigits ?? 2;
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const unit = 10n ** BigInt(digits);
  const fraction = digits > 0 ? `.${(abs % unit).toString().padStart(digits, "0")}` : "";
  return `${negative ? "-" : ""}${abs / unit}${fraction}`;
}

/** Stripe minor units as money in their currency: "$49.00", "€12.50", "¥500". Never credits. */
export function formatMinor(amount: bigint | number, currency: string): string {
  // A decimal string is formatted exactly (Intl.NumberFormat v3); a Number would round past 2^53.
  return currencyFormat(currency).format(minorToDecimal(BigInt(amount), currency) as `${number}`);
}

/** Stripe minor units for logs and audit reasons: "5.00 USD". */
export function formatMinorCode(amount: bigint | number, currency: string): string {
  return `${minorToDecimal(BigInt(amount), currency)} ${currency.toUpperCase()}`;
}

/**
 * Micro-USD as a number of dollars, for a chart's bar heights only (text goes through
 * formatMicros, with the exact BigInt): the one place money becomes a float.
 */
export function microsToChartValue(micros: bigint): number {
  const negative = micros < 0n;
  const abs = negative ? -micros : micros;
  const rest = (abs % MICROS_PER_USD).toString().padStart(6, "0");
  return Number(`${negative ? "-" : ""}${abs / MICROS_PER_USD}.${rest}`);
}

/** A dollar axis tick ("$2.5"): a position on the chart's scale, not an amount anyone is owed. */
export function formatUsdTick(dollars: number): string {
  return `$${dollars.toLocaleString("en-US")}`;
}
