// The body of POST /api/v1/release: the reservation, named by exactly one of the call's requestId
// (what the gateway sent to authorize) or the reservation id authorize answered, and why.
import { z } from "zod";

import type { ReleaseTarget } from "@/lib/ledger/release-reservation";

const ONE_OF = "send exactly one of requestId and reservationId";

export const releaseRequestSchema = z
  .strictObject({
    requestId: z.string().min(1, "is required").max(128, "must be at most 128 characters").optional(),
    reservationId: z.string().min(1).max(128, "must be at most 128 characters").optional(),
    reason: z.string().trim().max(200, "must be at most 200 characters").optional(),
  })
  .superRefine((b, ctx) => {
    if ((b.requestId === undefined) === (b.reservationId === undefined))
      ctx.addIssue({
        code: "custom",
        path: [b.requestId === undefined ? "requestId" : "reservationId"],
        message: ONE_OF,
      });
  });

export type ReleaseRequest = z.infer<typeof releaseRequestSchema>;

export function releaseTarget(b: ReleaseRequest): ReleaseTarget {
  return b.reservationId !== undefined ? { reservationId: b.reservationId } : { requestId: b.requestId! };
}
