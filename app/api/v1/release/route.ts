// POST /api/v1/release – give back a reservation the call will not use, before it expires
import { releaseOperation } from "@/lib/api/operations/release";
import { pool } from "@/lib/db/pool";
import { apiKey } from "@/lib/http/auth/api-key";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { releaseTarget } from "@/lib/ledger/release-request";
import { releaseReservation } from "@/lib/ledger/release-reservation";

export const dynamic = "force-dynamic";

export const POST = route(
  { operation: releaseOperation, auth: apiKey({ revokedMayReport: true }) },
  async ({ auth: { tenant, key }, body }) => {
    const caller = { tenantId: tenant.id, apiKeyId: key.id, keyRevoked: key.status === "REVOKED" };
    const r = await releaseReservation(pool(), caller, releaseTarget(body), body.reason || null);
    return json({
      ...r,
      released: r.released.toString(),
      balance: { available: r.balance.available.toString(), reserved: r.balance.reserved.toString() },
    });
  },
);
