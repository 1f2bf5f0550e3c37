// A believable credit history that ends at the story's balance: a welcome grant, up to three
// top-ups, and the daily usage charges. Invariants the tests check: the balance equals the sum of
// the ledger, each entry's balanceAfter is the running sum, and it never goes below zero.
import type { DailyCharge } from "@/lib/demo/aggregates";

/** `grant`: the index in `grants` of the grant this credit created. */
export type LedgerDraft = {
  kind: "GRANT" | "TOPUP" | "CHARGE";
  amount: bigint;
  at: Date;
  reason: string;
  grant?: number;
};
export type GrantDraft = {
  source: "PROMO" | "TOPUP";
  amount: bigint;
  remaining: bigint;
  at: Date;
  priority: number;
};

export const WELCOME_CREDIT = 5_000_000n;

/** Rounded up to what a person would buy: fives, or tens above $100. */
function niceUp(micros: bigint): bigint {
  const step = micros < 100_000_000n ? 5_000_000n : 10_000_000n;
  return micros <= 0n ? 0n : ((micros + step - 1n) / step) * step;
}

function runningMinimum(entries: LedgerDraft[]): bigint {
  let balance = 0n;
  let min = 0n;
  for (const e of entries.toSorted((a, b) => a.at.getTime() - b.at.getTime())) {
    balance += e.amount;
    if (balance < min) min = balance;
  }
  return min;
}

/** Credits from `from` (the tenant's first day) to `now`, ending at `finalBalance` after `charges`. */
export function buildLedger(
  charges: DailyCharge[],
  finalBalance: bigint,
  from: Date,
  now: Date,
): { entries: LedgerDraft[]; grants: GrantDraft[] } {
  const spent = charges.reduce((s, c) => s + c.amount, 0n);
  const span = now.getTime() - from.getTime();
  const needed = spent + finalBalance;
  const welcome = needed < WELCOME_CREDIT ? needed : WELCOME_CREDIT;
  const toBuy = needed - welcome;
  const chargeEntries: LedgerDraft[] = charges.map((c) => ({
    kind: "CHARGE",
    amount: -c.amount,
    at: c.at,
    reason: `Usage on ${c.date}`,
  }));
  // Credits at a share of the way from `from` to `now`; the first ones a minute or two after
  // sign-up, before any usage is charged.
  const credit = (amount: bigint, share: number, kind: "GRANT" | "TOPUP" = "TOPUP"): LedgerDraft => ({
    kind,
    amount,
    at: new Date(from.getTime() + (kind === "GRANT" ? 60_000 : 120_000) + Math.floor(share * span)),
    reason: kind === "GRANT" ? "Welcome credit" : "Credit top-up",
  });

  // Three top-ups, at the start and a third and two thirds of the way, each buying (in round
  // figures) what the next stretch will spend; the last one lands exactly on the final balance.
  // Spend grows over time, so the last top-up is large next to a low final balance: a low
  // balance reads as "below 10% of the last top-up" (the usual low-balance alert).
  const spentBefore = (share: number) => {
    const until = from.getTime() + share * span;
    return charges.filter((c) => c.at.getTime() < until).reduce((s, c) => s + c.amount, 0n);
  };
  const [s1, s2] = [spentBefore(1 / 3), spentBefore(2 / 3)];
  const first = niceUp(s1 - welcome + (s2 - s1) / 5n);
  const second = niceUp(s2 - welcome - first);
  const last = toBuy - first - second;
  let credits = [
    credit(welcome, 0, "GRANT"),
    credit(first, 0),
    credit(second, 1 / 3),
    credit(last, 2 / 3),
  ].filter((c) => c.amount > 0n);
  if (last < 0n || runningMinimum([...credits, ...chargeEntries]) < 0n)
    credits = [credit(welcome, 0, "GRANT"), credit(toBuy, 0)].filter((c) => c.amount > 0n);
  credits.forEach((c, i) => (c.grant = i));

  // Grants are spent in order (welcome credit first); what is left of them is the balance.
  let toConsume = spent;
  const grants: GrantDraft[] = credits.map((c, i) => {
    const used = toConsume < c.amount ? toConsume : c.amount;
    toConsume -= used;
    return {
      source: c.kind === "GRANT" ? "PROMO" : "TOPUP",
      amount: c.amount,
      remaining: c.amount - used,
      at: c.at,
      priority: i === 0 ? 10 : 100,
    };
  });
  const entries = [...credits, ...chargeEntries].sort((a, b) => a.at.getTime() - b.at.getTime());
  return { entries, grants };
}
