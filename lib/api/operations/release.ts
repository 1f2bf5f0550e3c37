// Giving back a reservation early: a gateway call, with the tenant's API key.
import { releaseSchema } from "@/lib/api/schemas/release";
import { operation } from "@/lib/http/operation";
import { releaseRequestSchema } from "@/lib/ledger/release-request";

export const releaseOperation = operation({
  method: "post",
  path: "/api/v1/release",
  operationId: "release",
  summary: "Give back a reservation that will not be used",
  description:
    "Releases a held reservation at once (its credits return to `available`, its quota tokens are " +
    "freed) instead of at expiry. Name it by exactly one of `requestId` and `reservationId`. " +
    "Idempotent: a reservation that already ended answers `already_released`, `already_settled` or " +
    "`already_expired` and changes nothing. Usage reported later for a released call is still charged. " +
    "A revoked key may release the reservations it made; another tenant's reservation is a 404.",
  tag: "Decisions",
  security: "tenantKey",
  body: releaseRequestSchema,
  bodyExample: { requestId: "req-123", reason: "client disconnected" },
  responses: {
    200: {
      description: "What the release did, and the balance after it.",
      schema: releaseSchema,
      example: {
        reservationId: "res_01JX5W8Z9R",
        requestId: "req-123",
        status: "released",
        released: "420",
        balance: { available: "23160000", reserved: "0" },
      },
    },
  },
  problems: ["not_found"],
});
