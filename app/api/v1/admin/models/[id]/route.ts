// GET /api/v1/admin/models/{id} – a model with its whole price history
// PUT /api/v1/admin/models/{id} – create or replace a model (201 created, 200 replaced)
// DELETE /api/v1/admin/models/{id} – withdraw a model; its history stays
import { deactivateModelOperation, getModelOperation, putModelOperation } from "@/lib/api/operations/models";
import { deactivateModel } from "@/lib/catalog/deactivate-model";
import { getModel } from "@/lib/catalog/read-models";
import { upsertModel } from "@/lib/catalog/upsert-model";
import { prisma } from "@/lib/db";
import { adminToken } from "@/lib/http/auth/admin-token";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ operation: getModelOperation, auth: adminToken }, async ({ params }) =>
  json(await getModel(prisma, params.id)),
);

export const PUT = route(
  { operation: putModelOperation, auth: adminToken },
  async ({ auth: actor, params, body }) => {
    const { created, model } = await upsertModel(prisma, actor, params.id, body);
    return json(model, { status: created ? 201 : 200 });
  },
);

export const DELETE = route(
  { operation: deactivateModelOperation, auth: adminToken },
  async ({ auth: actor, params }) => json(await deactivateModel(prisma, actor, params.id)),
);
