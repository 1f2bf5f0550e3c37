// What reserving credits takes and answers: the vocabulary reserve-credits.ts (the group commit)
// and reserve-batch.ts (one batch's transaction) share.

export type ReserveInput = {
  tenantId: string;
  apiKeyId: string;
  requestId: string;
  model: string;
  amount: bigint;
  expiresAt: Date;
  now: Date;
  /** Tokens the call may use (input + max output), held against a HARD quota until settled. */
  tokens?: bigint;
  /** Limits beyond the balance (a HARD quota, spending caps), judged again under the lock. */
  guard?: ReserveGuard;
};
/**
 * What the balance row's lock makes exact: the numbers below are read inside the reservation's
 * transaction, after the lock, and include every reservation judged before this one in the batch.
 */
export type LockedState = {
  available: bigint;
  reserved: bigint;
  reservedTokens: bigint;
  /** This quota month's reported tokens and charged cost (QuotaUsage), when `quotaPeriodStart` was given. */
  monthTokens: bigint;
  monthCost: bigint;
  /** Charged today (tenant and key), this month (key), and held by the key, when `spendSince` was given. */
  tenantDayCharged: bigint;
  keyDayCharged: bigint;
  keyMonthCharged: bigint;
  keyHeld: bigint;
};
export type ReserveGuard<R = unknown> = {
  quotaPeriodStart?: Date;
  spendSince?: { day: Date; month: Date };
  /** Judges the call again on the locked numbers: null = still allowed, else the refusal to answer. */
  recheck(locked: LockedState): R | null;
};
export type HeldReservation = { id: string; amount: bigint; expiresAt: Date; status: string };
type Balance = { available: bigint; reserved: bigint };
export type ReserveResult =
  | { outcome: "reserved"; reservation: HeldReservation; balance: Balance }
  | { outcome: "duplicate"; reservation: HeldReservation; balance: Balance }
  | { outcome: "insufficient"; balance: Balance }
  | { outcome: "refused"; refusal: unknown; balance: Balance };

/** A reservation as the batch carries it: its id is chosen before the insert. */
export type ReserveItem = ReserveInput & { id: string };
