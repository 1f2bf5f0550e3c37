// POST /api/v1/admin/models/{id}/prices – a dated price change: a new version of the model's price
import { changeModelPriceOperation } from "@/lib/api/operations/models";
import { changePrice } from "@/lib/catalog/change-price";
import { prisma } from "@/lib/db";
import { adminToken } from "@/lib/http/auth/admin-token";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route(
  { operation: changeModelPriceOperation, auth: adminToken },
  async ({ auth: actor, params, body }) =>
    json(await changePrice(prisma, actor, params.id, body), { status: 201 }),
);
