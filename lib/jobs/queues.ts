// The job queues (pg-boss) and their retry policy. Notifications retry with exponential backoff
// and jitter up to a maximum delay; after the last attempt the delivery is dead-lettered (the
// delivery log shows it, with a manual retry). A job taken by a worker that dies is retried
// once it expires (EXPIRE_SECONDS, well past the 5-second send deadline), so nothing is lost.
export const QUEUES = {
  notify: "tollgate-notify",
  minutely: "tollgate-minutely",
} as const;

export type NotifyJob = { deliveryId: string; firstAttempt: number };

export type RetryPolicy = { retryLimit: number; retryDelay: number; retryDelayMax: number };

export const EXPIRE_SECONDS = 60;

export function retryPolicy(maxAttempts: number, overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return { retryLimit: maxAttempts - 1, retryDelay: 2, retryDelayMax: 900, ...overrides };
}
