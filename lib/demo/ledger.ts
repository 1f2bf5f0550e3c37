// A believable credit history that ends at the story's balance: a welcome grant, up to three
// top-ups, and the daily usage charges. Invariants the tests check: the balance equals the sum of
// the ledger, each entry's balanceAfter is the running sum, and it never goes below zero.
import type { DailyCharge } from "@/lib/demo/aggregates";

export type LedgerDraft = { kind: "GRANT" | "TOPUP" | "CHARGE"; amount: bigint; at: Date; reason: string };
export type GrantDraft = { source: "PROMO" | "TOPUP"; amount: bigint; remaining: bigint; at: Date; priority: number };

const DAY_MS = 86_400_000;
const WELCOME = 5_000_000n;
const roundDown = (micros: bigint, step = 10_000_000n) => (micros / step) * step;

function runningMinimum(entries: LedgerDraft[]): bigint {
  let balance = 0n;
  let min = 0n;
  for (const e of entries.toSorted((a, b) => a.at.getTime() - b.at.getTime())) {
    balance += e.amount;
    if (balance < min) min = balance;
  }
  return min;
}

export function buildLedger(charges: DailyCharge[], finalBalance: bigint, now: Date): { entries: LedgerDraft[]; grants: GrantDraft[] } {
  const spent = charges.reduce((s, c) => s + c.amount, 0n);
  const start = new Date(now.getTime() - 90 * DAY_MS);
  const needed = spent + finalBalance;
  const welcome = needed < WELCOME ? needed : WELCOME;
  const toBuy = needed - welcome;
  const chargeEntries: LedgerDraft[] = charges.map((c) => ({ kind: "CHARGE", amount: -c.amount, at: c.at, reason: `Usage on ${c.date}` }));
  const credit = (amount: bigint, agoDays: number, kind: "GRANT" | "TOPUP" = "TOPUP"): LedgerDraft => ({
    kind, amount, at: new Date(start.getTime() + (90 - agoDays) * DAY_MS + 3_600_000), reason: kind === "GRANT" ? "Welcome credit" : "Credit top-up",
  });

  // Three top-ups (days 90, 60 and 30 ago) when that never overdraws; otherwise one up front.
  // The last one is at least 12× the final balance, so a low balance reads as "below 10% of the
  // last top-up" (the default low-balance alert).
  const atLeast = finalBalance * 12n > (toBuy * 30n) / 100n ? finalBalance * 12n : (toBuy * 30n) / 100n;
  const last = atLeast > toBuy ? toBuy : atLeast;
  const second = roundDown(((toBuy - last) * 35n) / 100n);
  const first = toBuy - last - second;
  let credits = [credit(welcome, 90, "GRANT"), credit(first, 90), credit(second, 60), credit(last, 30)].filter((c) => c.amount > 0n);
  if (runningMinimum([...credits, ...chargeEntries]) < 0n) credits = [credit(welcome, 90, "GRANT"), credit(toBuy, 90)].filter((c) => c.amount > 0n);
  if (credits[0]) credits[0].at = new Date(start.getTime() + 60_000); // the welcome grant comes first

  // Grants are spent in order (welcome credit first); what is left of them is the balance.
  let toConsume = spent;
  const grants: GrantDraft[] = credits.map((c, i) => {
    const used = toConsume < c.amount ? toConsume : c.amount;
    toConsume -= used;
    return { source: c.kind === "GRANT" ? "PROMO" : "TOPUP", amount: c.amount, remaining: c.amount - used, at: c.at, priority: i === 0 ? 10 : 100 };
  });
  const entries = [...credits, ...chargeEntries].sort((a, b) => a.at.getTime() - b.at.getTime());
  return { entries, grants };
}
