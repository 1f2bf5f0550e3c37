// POST /api/v1/admin/tenants/{id}/keys – issue an API key; its secret is in this answer only
import { createApiKeyOperation } from "@/lib/api/operations/admin";
import { prisma } from "@/lib/db";
import { adminToken } from "@/lib/http/auth/admin-token";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { createApiKey } from "@/lib/keys/key-lifecycle";

export const dynamic = "force-dynamic";

export const POST = route(
  { operation: createApiKeyOperation, auth: adminToken },
  async ({ auth: actor, params, body }) =>
    json(await createApiKey(prisma, actor, params.id, body), { status: 201 }),
);
