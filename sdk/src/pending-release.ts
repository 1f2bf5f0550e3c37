// PENDING, written by hand: POST /api/v1/release is being added on another branch and is not in
// openapi.json yet. Once it is merged: `npm run openapi && npm run openapi:sdk`, add the line
// `release: ["post", "/api/v1/release", "apiKey"]` to ROUTES (sdk/src/operations.ts), make
// client.ts's release() a call("release", { body }), and delete this file.
import type { components } from "./schema.js";

type MicroUsd = components["schemas"]["MicroUsd"];

/** Give a reservation back early, named by the authorize's requestId or by its reservation id. */
export type ReleaseRequest = (
  { requestId: string; reservationId?: never } | { reservationId: string; requestId?: never }
) & {
  reason?: string;
};

export type ReleaseAnswer = {
  reservationId: string;
  requestId: string;
  status: "released" | "already_released" | "already_settled" | "already_expired";
  /** What this call gave back to the balance (micro-USD; "0" when it had been given back already). */
  released: MicroUsd;
  balance: { available: MicroUsd; reserved: MicroUsd };
};

export const RELEASE_ROUTE = ["post", "/api/v1/release", "apiKey"] as const;
