// POST /api/v1/admin/tenants/{id}/credits – grant (or deduct) credits, once per idempotencyKey
import { grantCreditsOperation } from "@/lib/api/operations/admin";
import { prisma } from "@/lib/db";
import { adminToken } from "@/lib/http/auth/admin-token";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { grantTenantCredits } from "@/lib/ledger/operator-grant";

export const dynamic = "force-dynamic";

export const POST = route(
  { operation: grantCreditsOperation, auth: adminToken },
  async ({ auth: actor, params, body }) => {
    const { replayed, body: entry } = await grantTenantCredits(prisma, actor, params.id, body);
    // A repeat answers exactly what the first call did; the header tells the two apart (as Stripe's does).
    return json(entry, { status: 201, headers: { "Idempotent-Replayed": String(replayed) } });
  },
);
