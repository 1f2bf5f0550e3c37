// POST /api/v1/admin/tenants/{id}/credits – grant (or deduct) credits, once per idempotencyKey
import { adminRoute } from "@/lib/http/admin-route";
import { grantCreditsSchema, grantTenantCredits } from "@/lib/ledger/operator-grant";
import { idParams } from "@/lib/validation/inputs";
import { readJson } from "@/lib/http/read-json";
import { prisma } from "@/lib/db";

export const dynamic = "force-dynamic";

export const POST = adminRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }, actor) => {
  const { id } = idParams.parse(await ctx.params);
  const body = await readJson(req, grantCreditsSchema);
  const { replayed, body: entry } = await grantTenantCredits(prisma, actor, id, body);
  // A repeat answers exactly what the first call did; the header tells the two apart (as Stripe's does).
  return Response.json(entry, {
    status: 201,
    headers: { "Cache-Control": "no-store", "Idempotent-Replayed": String(replayed) },
  });
});
