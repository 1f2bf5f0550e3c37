// What a call may cost, charged before it runs: input tokens at the input price plus the most
// output it may produce at the output price. Prices are micro-USD per million tokens, so the
// product is divided by 1e6 and rounded up — a call is never under-reserved by rounding.
export type ModelPrice = { id: string; inputPrice: bigint; outputPrice: bigint };

const PER_MILLION = 1_000_000n;

export function callCost(model: ModelPrice, inputTokens: number, outputTokens: number): bigint {
  const scaled = BigInt(inputTokens) * model.inputPrice + BigInt(outputTokens) * model.outputPrice;
  return (scaled + PER_MILLION - 1n) / PER_MILLION;
}
