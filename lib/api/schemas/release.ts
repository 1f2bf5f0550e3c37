// The answer of POST /api/v1/release.
import { z } from "zod";

import { microUsd } from "@/lib/api/schemas/wire";

export const releaseSchema = z
  .object({
    reservationId: z.string(),
    requestId: z.string(),
    status: z.enum(["released", "already_released", "already_settled", "already_expired"]).meta({
      description:
        "`released`: given back by this call. Otherwise the reservation had already ended (released " +
        "before, settled by usage, or expired) and nothing changed.",
    }),
    released: microUsd.meta({ description: "What this call gave back; `0` unless `status` is `released`." }),
    balance: z.object({ available: microUsd, reserved: microUsd }),
  })
  .meta({ id: "Release" });
