// A retried requestId gets the answer it already got. Allows are replayed from their reservation
// (lib/authorize/authorize.ts); refusals from the Decision log, rebuilt here. A retryable refusal
// (a window that resets) stops being replayed once its window has reset: the very same request
// may then go through, as its `retryable: true` promised.
import type { Refused } from "@/lib/decisions/types";

/** A refusal already given to this requestId: its decision id and the stored answer. */
export type PriorRefusal = { decisionId: string; details: Record<string, unknown> };

const big = (v: unknown) => (v === undefined || v === null ? undefined : BigInt(v as string));

export function storedRefusal(prior: PriorRefusal): Refused {
  const d = prior.details as Omit<Refused, "limit" | "used" | "remaining" | "resetsAt"> & {
    limit?: string;
    used?: string;
    remaining?: string;
    resetsAt?: string;
  };
  return {
    allowed: false,
    code: d.code,
    status: d.status,
    scope: d.scope,
    title: d.title,
    detail: d.detail,
    retryable: d.retryable,
    remedy: d.remedy,
    ...(d.limit !== undefined && { limit: big(d.limit) }),
    ...(d.used !== undefined && { used: big(d.used) }),
    ...(d.remaining !== undefined && { remaining: big(d.remaining) }),
    ...(d.resetsAt !== undefined && { resetsAt: new Date(d.resetsAt) }),
  };
}

/** Whether a refusal given earlier still stands for a retry of the same requestId at `now`. */
export function stillStands(refusal: Pick<Refused, "retryable" | "resetsAt">, now: Date): boolean {
  return !refusal.retryable || (refusal.resetsAt !== undefined && refusal.resetsAt.getTime() > now.getTime());
}
