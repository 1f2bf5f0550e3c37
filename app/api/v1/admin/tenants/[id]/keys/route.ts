// POST /api/v1/admin/tenants/{id}/keys – issue an API key; its secret is in this answer only
import { prisma } from "@/lib/db";
import { adminToken } from "@/lib/http/auth/admin-token";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { createApiKey, createApiKeySchema } from "@/lib/keys/key-lifecycle";
import { idParams } from "@/lib/validation/inputs";

export const dynamic = "force-dynamic";

export const POST = route(
  { auth: adminToken, params: idParams, body: createApiKeySchema },
  async ({ auth: actor, params, body }) =>
    json(await createApiKey(prisma, actor, params.id, body), { status: 201 }),
);
