// Counts as people read them: en-US separators, the unit always written. Money is not a count:
// it goes through lib/money/format.ts.
export function formatCount(n: bigint | number): string {
  return n.toLocaleString("en-US");
}

/** "12,345 tokens". */
export function formatTokens(n: bigint | number): string {
  return `${formatCount(n)} tokens`;
}

/** "87.5%" of a limit, to a tenth, from integers (a limit of zero or less counts as full). */
export function formatPercent(used: bigint, limit: bigint): string {
  if (limit <= 0n) return "100.0%";
  const tenths = (used * 1000n) / limit;
  const abs = tenths < 0n ? -tenths : tenths;
  return `${tenths < 0n ? "-" : ""}${abs / 10n}.${abs % 10n}%`;
}
